namespace Loyalty.Domain;

/// <summary>
/// A reward in the catalogue. <see cref="Stock"/> is the total ever to be issued; what is left is the stock minus
/// what redemptions hold. <see cref="ValidFrom"/> and <see cref="ValidTo"/> bound when it can be redeemed: [from, to).
/// </summary>
public sealed record RewardDefinition
{
    public string Name { get; init; } = "";

    public long CostPoints { get; init; }

    public int Stock { get; init; }

    public int? PerMemberLimit { get; init; }

    public DateTimeOffset? ValidFrom { get; init; }

    public DateTimeOffset? ValidTo { get; init; }

    /// <summary>Every problem, each naming its field; empty when the reward is sound.</summary>
    public IReadOnlyList<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        void Check(bool ok, string field, string message)
        {
            if (!ok)
            {
                errors.Add(new ValidationError(field, message));
            }
        }

        Check(DisplayNames.IsValid(Name), "name", DisplayNames.Rule());
        Check(CostPoints is > 0 and <= 1_000_000_000, "costPoints", "must be between 1 and 1000000000");
        Check(Stock is >= 0 and <= 100_000_000, "stock", "must be between 0 and 100000000");
        Check(PerMemberLimit is null or (>= 1 and <= 1_000_000), "perMemberLimit", "must be between 1 and 1000000, or absent for no limit");
        Check(ValidFrom is null || ValidTo is null || ValidFrom < ValidTo, "validTo", "must be after validFrom");
        return errors;
    }
}

namespace Loyalty.Domain;

/// <summary>
/// Manual adjustments of a member's available points by an admin, by the admin's adjustment id, so repeating one
/// answers the first outcome and changes nothing. Each is kept for the program's
/// <see cref="ProgramConfig.AdjustmentRetentionDays"/> after it was made, and never more than the newest
/// <see cref="MaxKept"/>: the state does not grow with every adjustment ever made.
/// </summary>
public sealed class MemberAdjustments
{
    public const int MaxKept = 500;

    /// <summary>The most points one adjustment may credit or debit.</summary>
    public const long MaxPoints = Bounds.MaxBonusPoints;

    public const int MaxReasonLength = 500;

    private readonly Dictionary<string, Adjustment> byId;

    public MemberAdjustments()
        : this([])
    {
    }

    private MemberAdjustments(IEnumerable<KeyValuePair<string, Adjustment>> byId) =>
        this.byId = new Dictionary<string, Adjustment>(byId, StringComparer.Ordinal);

    public static MemberAdjustments Restore(IEnumerable<KeyValuePair<string, Adjustment>> byId) => new(byId);

    public IReadOnlyDictionary<string, Adjustment> ById => byId;

    public Adjustment? Find(string adjustmentId) => byId.GetValueOrDefault(adjustmentId);

    /// <summary>
    /// Credits (points &gt; 0) or debits (points &lt; 0) available points. A debit larger than the available balance is
    /// refused, changing nothing: an adjustment never takes a member below zero (only clawbacks may). A repeated id
    /// changes nothing and answers the first outcome when it asked for the same points and reason.
    /// </summary>
    public AdjustOutcome Adjust(string adjustmentId, long points, string reason, MemberPoints balances, ProgramConfig config, DateTimeOffset now)
    {
        if (byId.TryGetValue(adjustmentId, out var earlier))
        {
            return earlier.Points == points && earlier.Reason == reason ? AdjustOutcome.AlreadyAdjusted : AdjustOutcome.AdjustmentIdTaken;
        }

        if (!balances.Adjust(points, reason, adjustmentId, now, config))
        {
            return AdjustOutcome.InsufficientPoints;
        }

        RetainedById.MakeRoomForOne(byId, a => a.AdjustedAt, a => a.AdjustedAt, now.AddDays(-config.AdjustmentRetentionDays), MaxKept);
        byId[adjustmentId] = new Adjustment(points, reason, now);
        return AdjustOutcome.Adjusted;
    }
}

/// <summary>A manual adjustment: signed points, the admin's reason, and when it was made.</summary>
public sealed record Adjustment(long Points, string Reason, DateTimeOffset AdjustedAt);

public enum AdjustOutcome
{
    Adjusted,
    AlreadyAdjusted,
    AdjustmentIdTaken,
    InsufficientPoints,
}

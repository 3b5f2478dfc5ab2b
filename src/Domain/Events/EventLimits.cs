namespace Loyalty.Domain;

/// <summary>
/// The <see cref="Bounds"/> an event must keep for the rule book to apply it, checked by the member before anything
/// changes: the gateway refuses such events at the door, but a stream may carry events from elsewhere. A member whose
/// running totals passed <see cref="MaxMemberTotal"/> takes no more, so none of its sums can overflow.
/// </summary>
public static class EventLimits
{
    public const int MaxLines = 1_000;

    /// <summary>A ninth of <see cref="long.MaxValue"/>: past it a member's totals are too near overflow to take another event.</summary>
    public const long MaxMemberTotal = 1_000_000_000_000_000_000;

    /// <summary>Null when the event is applicable; otherwise the field at fault and why.</summary>
    public static (string Field, string Reason)? Violation(LoyaltyEvent e)
    {
        if (e.OccurredAt < Bounds.EarliestEventTime)
        {
            return ("occurredAt", $"must be {Bounds.EarliestEventTimeText} or later");
        }

        return e switch
        {
            MoneyEvent { AmountMinor: < 0 or > Bounds.MaxAmountMinor } => ("amountMinor", $"must be between 0 and {Bounds.MaxAmountMinor}"),
            Purchase purchase => LinesViolation(purchase.Lines),
            Engagement engagement when !EngagementKinds.IsValid(engagement.Kind) => ("kind", EngagementKinds.Rule),
            SurveyAnswer answer when !Enum.IsDefined(answer.Survey) => ("survey", "must be nps, csat or ces"),
            SurveyAnswer answer when SurveyScales.Of(answer.Survey) is var (lowest, highest) && (answer.Score < lowest || answer.Score > highest) =>
                ("score", $"must be between {lowest} and {highest} for {SurveyScales.Name(answer.Survey)}"),
            _ => null,
        };
    }

    private static (string Field, string Reason)? LinesViolation(IReadOnlyList<PurchaseLine> lines)
    {
        if (lines.Count > MaxLines)
        {
            return ("lines", $"must have at most {MaxLines} lines");
        }

        Int128 total = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Quantity is < 1 or > Bounds.MaxLineQuantity)
            {
                return ($"lines[{i}].quantity", $"must be between 1 and {Bounds.MaxLineQuantity}");
            }

            var lineTotal = (Int128)line.Quantity * line.UnitPriceMinor;
            total += lineTotal;
            if (line.UnitPriceMinor < 0 || lineTotal > Bounds.MaxAmountMinor || total > Bounds.MaxAmountMinor)
            {
                return ($"lines[{i}].unitPriceMinor", $"must be at least 0, with quantity × unitPriceMinor and the sum over all lines at most {Bounds.MaxAmountMinor}");
            }
        }

        return null;
    }
}

namespace Loyalty.Domain;

/// <summary>
/// What the rule book can apply. Every running total a member keeps (points, spend, period and challenge totals)
/// stays far inside <see cref="long"/>: an event adds at most <see cref="MaxAmountMinor"/> of spend and
/// <see cref="MaxPointsPerEvent"/> points, and a member whose totals passed <see cref="MaxMemberTotal"/> takes no
/// more, so a sum can never overflow. The gateway refuses at the door what fails here; the member checks again.
/// </summary>
public static class EventLimits
{
    /// <summary>No loyalty program holds earlier history; dates near <see cref="DateTimeOffset.MinValue"/> break calendar arithmetic.</summary>
    public static readonly DateTimeOffset EarliestOccurredAt = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>10 billion in major units: far beyond any basket.</summary>
    public const long MaxAmountMinor = 1_000_000_000_000;

    public const int MaxLines = 1_000;

    public const long MaxQuantity = 1_000_000;

    /// <summary>A line's quantity × unit price, like the whole basket, is at most <see cref="MaxAmountMinor"/>.</summary>
    public const long MaxLineTotalMinor = MaxAmountMinor;

    /// <summary>Points one event may earn, rules and offers included (a quadrillion).</summary>
    public const long MaxPointsPerEvent = 1_000_000_000_000_000;

    /// <summary>A member whose running totals reach this (a ninth of <see cref="long.MaxValue"/>) takes no more events.</summary>
    public const long MaxMemberTotal = 1_000_000_000_000_000_000;

    /// <summary>Null when the event is applicable; otherwise the field at fault and why.</summary>
    public static (string Field, string Reason)? Violation(LoyaltyEvent e)
    {
        if (e.OccurredAt < EarliestOccurredAt)
        {
            return ("occurredAt", $"must not be before {EarliestOccurredAt:yyyy-MM-dd}");
        }

        if (e.AmountMinor is < 0 or > MaxAmountMinor)
        {
            return ("amountMinor", $"must be between 0 and {MaxAmountMinor}");
        }

        if (e is not Purchase purchase)
        {
            return null;
        }

        if (purchase.Lines.Count > MaxLines)
        {
            return ("lines", $"must have at most {MaxLines} lines");
        }

        for (var i = 0; i < purchase.Lines.Count; i++)
        {
            var line = purchase.Lines[i];
            if (line.Quantity is < 1 or > MaxQuantity)
            {
                return ($"lines[{i}].quantity", $"must be between 1 and {MaxQuantity}");
            }

            if (line.UnitPriceMinor < 0 || (Int128)line.Quantity * line.UnitPriceMinor > MaxLineTotalMinor)
            {
                return ($"lines[{i}].unitPriceMinor", $"must be at least 0, and quantity × unitPriceMinor at most {MaxLineTotalMinor}");
            }
        }

        return null;
    }
}

namespace Loyalty.Domain;

/// <summary>
/// Bounds that keep every sum of money and points inside <c>long</c> (9.2 × 10^18) however long a program runs.
/// An event moves at most <see cref="MaxAmountMinor"/> (10^10 minor units) and, whatever the configuration, earns
/// at most <see cref="MaxEventPoints"/> (10^11 points); every one-off bonus (badge, surprise, referral, birthday,
/// challenge) is at most <see cref="MaxBonusPoints"/>. So a member's balances and spend, a board's scores and a
/// program's totals take over 90 million events each at the maxima before they could overflow, and the sum
/// inside one event (base + 100 rules + 100 offers, each under 10^16) stays far inside <c>long</c> too.
/// </summary>
public static class Bounds
{
    /// <summary>An event's amount, a line's total and the sum of its lines: 100 million in a currency of cents.</summary>
    public const long MaxAmountMinor = 10_000_000_000;

    public const long MaxLineQuantity = 1_000_000;

    /// <summary>The most points one purchase can earn: the configuration is refused if its rates and rules could exceed it.</summary>
    public const long MaxEventPoints = 100_000_000_000;

    public const long MaxBonusPoints = 1_000_000_000;

    /// <summary>Qualifying-spend thresholds and spend or points targets: far above any member's lifetime, far from overflow.</summary>
    public const long MaxThreshold = 1_000_000_000_000_000;

    public const int MaxEarningRules = 100;

    public const int MaxOffers = 100;

    /// <summary>Badges and surprises are each paid once per member, so their count bounds what they can add.</summary>
    public const int MaxOneOffRewards = 1_000;

    /// <summary>
    /// The earliest instant an event may be dated: rules look back months and years from an event (tier windows,
    /// streaks), which near year 1 would leave the calendar. Histories replayed from the 1990s still fit.
    /// </summary>
    public const string EarliestEventTimeText = "1970-01-01T00:00:00Z";

    public static readonly DateTimeOffset EarliestEventTime =
        DateTimeOffset.Parse(EarliestEventTimeText, System.Globalization.CultureInfo.InvariantCulture);
}

namespace Loyalty.Domain;

/// <summary>Points for a purchase: base rate, then each matching rule, then the per-event and per-day caps.</summary>
public static class EarningCalculator
{
    /// <param name="earnedEarlierThatDay">Points the member already earned on the purchase's local day (for the daily cap).</param>
    /// <param name="segment">The member just before the purchase, for offers; without it no offer applies.</param>
    public static EarningResult Calculate(Purchase purchase, ProgramConfig config, long earnedEarlierThatDay, MemberSegment? segment = null)
    {
        var basePoints = BasePoints(purchase.AmountMinor, config);
        var rules = new List<RulePoints>();
        foreach (var rule in config.EarningRules)
        {
            var points = RulePointsFor(rule, purchase, config);
            if (points > 0)
            {
                rules.Add(new RulePoints(rule.Id, points));
            }
        }

        if (segment is not null)
        {
            rules.AddRange(OfferPoints(purchase, config, segment));
        }

        var uncapped = basePoints;
        foreach (var rule in rules)
        {
            uncapped = checked(uncapped + rule.Points);
        }

        var total = uncapped;
        if (config.MaxPointsPerEvent is { } perEvent)
        {
            total = Math.Min(total, perEvent);
        }

        if (config.MaxPointsPerDay is { } perDay)
        {
            total = Math.Min(total, Math.Max(0, perDay - earnedEarlierThatDay));
        }

        return new EarningResult(basePoints, rules, total, total < uncapped);
    }

    /// <summary>floor(amount × rate ÷ minor units), in 128-bit arithmetic so large baskets cannot overflow unnoticed.</summary>
    public static long BasePoints(long amountMinor, ProgramConfig config) =>
        checked((long)((Int128)amountMinor * config.PointsPerUnit / config.MinorUnitsPerUnit));

    /// <summary>
    /// The extra points of a multiplier on <paramref name="basisMinor"/>:
    /// floor(basis × rate × (percent − 100) ÷ (minor units × 100)). One floor at the end, so a 150% rule on 2.99
    /// earns the 2 points it is worth rather than 1 × 50%.
    /// </summary>
    public static long MultiplierExtra(long basisMinor, int multiplierPercent, ProgramConfig config) =>
        checked((long)((Int128)basisMinor * config.PointsPerUnit * (multiplierPercent - 100) / ((Int128)config.MinorUnitsPerUnit * 100)));

    /// <summary>Each offer whose window holds the purchase and whose segment holds the member multiplies the base.</summary>
    private static IEnumerable<RulePoints> OfferPoints(Purchase purchase, ProgramConfig config, MemberSegment segment)
    {
        var local = LocalDateTimes.In(purchase.OccurredAt, ProgramCalendar.Zone(config));
        foreach (var offer in config.Offers)
        {
            if (LocalDateTimes.TryParse(offer.Start, out var start) && LocalDateTimes.TryParse(offer.End, out var end)
                && local >= start && local < end && segment.Matches(offer.Segment)
                && MultiplierExtra(purchase.AmountMinor, offer.MultiplierPercent, config) is > 0 and var points)
            {
                yield return new RulePoints(offer.Id, points, RuleKind.Offer);
            }
        }
    }

    private static long RulePointsFor(EarningRule rule, Purchase purchase, ProgramConfig config)
    {
        var when = rule.When;
        if (when.Channel is not null && !string.Equals(when.Channel, purchase.Channel, StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        if (when.MinBasketMinor is { } minimum && purchase.AmountMinor < minimum)
        {
            return 0;
        }

        // Line conditions make the rule about the matching lines only; order conditions about the whole basket.
        var basis = purchase.AmountMinor;
        if (when.SelectsLines)
        {
            basis = Math.Min(purchase.AmountMinor, LinesValue(purchase.Lines, when));
            if (basis <= 0)
            {
                return 0;
            }
        }

        var points = rule.Then.MultiplierPercent is { } percent
            ? MultiplierExtra(basis, percent, config)
            : rule.Then.BonusPoints ?? 0;
        return rule.CapPoints is { } cap ? Math.Min(points, cap) : points;
    }

    /// <summary>
    /// Sum of quantity × unit price over the lines <paramref name="when"/> selects (all of them when null; category
    /// ignores case, sku does not), in 128-bit arithmetic saturated to <see cref="long"/>: callers only compare it with
    /// the purchase amount, so saturating is exact enough.
    /// </summary>
    public static long LinesValue(IReadOnlyList<PurchaseLine> lines, RuleCondition? when = null)
    {
        Int128 value = 0;
        foreach (var line in lines)
        {
            var categoryMatches = when?.Category is null || string.Equals(when.Category, line.Category, StringComparison.OrdinalIgnoreCase);
            var skuMatches = when?.Sku is null || string.Equals(when.Sku, line.Sku, StringComparison.Ordinal);
            if (categoryMatches && skuMatches)
            {
                value += (Int128)line.Quantity * line.UnitPriceMinor;
            }
        }

        return (long)Int128.Clamp(value, long.MinValue, long.MaxValue);
    }
}

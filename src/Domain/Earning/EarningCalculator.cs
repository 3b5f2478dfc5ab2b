namespace Loyalty.Domain;

/// <summary>Points for a purchase: base rate, then each matching rule, then the per-event and per-day caps.</summary>
public static class EarningCalculator
{
    /// <param name="earnedEarlierThatDay">Points the member already earned on the purchase's local day (for the daily cap).</param>
    public static EarningResult Calculate(Purchase purchase, ProgramConfig config, long earnedEarlierThatDay)
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

        var uncapped = checked(basePoints + rules.Sum(rule => rule.Points));
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

    /// <summary>floor(amount × rate ÷ minor units), in 128-bit arithmetic so large baskets cannot overflow.</summary>
    public static long BasePoints(long amountMinor, ProgramConfig config) =>
        (long)((Int128)amountMinor * config.PointsPerUnit / config.MinorUnitsPerUnit);

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

        var basis = purchase.AmountMinor;
        if (when.SelectsLines)
        {
            basis = Math.Min(purchase.AmountMinor, MatchingLinesValue(when, purchase.Lines));
            if (basis <= 0)
            {
                return 0;
            }
        }

        var points = rule.Then.MultiplierPercent is { } percent
            ? (long)((Int128)BasePoints(basis, config) * (percent - 100) / 100)
            : rule.Then.BonusPoints ?? 0;
        return rule.CapPoints is { } cap ? Math.Min(points, cap) : points;
    }

    private static long MatchingLinesValue(RuleCondition when, IReadOnlyList<PurchaseLine> lines)
    {
        Int128 value = 0;
        foreach (var line in lines)
        {
            var categoryMatches = when.Category is null || string.Equals(when.Category, line.Category, StringComparison.OrdinalIgnoreCase);
            var skuMatches = when.Sku is null || string.Equals(when.Sku, line.Sku, StringComparison.Ordinal);
            if (categoryMatches && skuMatches)
            {
                value += (Int128)line.Quantity * line.UnitPriceMinor;
            }
        }

        return (long)Int128.Min(value, long.MaxValue);
    }
}

namespace Loyalty.Domain;

/// <summary>The bound on what one purchase can earn (see <see cref="Bounds"/>), for <see cref="ProgramConfigValidator"/>.</summary>
public static class PurchasePointsBound
{
    /// <summary>
    /// The most points one purchase could earn before the caps: the largest amount, with every rule and offer
    /// applying to all of it. Null while the rates themselves are invalid (they are reported on their own).
    /// </summary>
    public static long? MostPointsPerPurchase(ProgramConfig config)
    {
        if (!ProgramConfigValidator.MinorUnitChoices.Contains(config.MinorUnitsPerUnit) || config.PointsPerUnit is < 1 or > 10_000
            || config.EarningRules is not { Count: <= Bounds.MaxEarningRules } rules || config.Offers is not { Count: <= Bounds.MaxOffers } offers)
        {
            return null;
        }

        // Int128: the validator must not overflow on the very configurations it exists to refuse. Exact, not a
        // floor too early: the largest amount is a power of ten, so it divides by minor units × 100.
        var perMultiplierPercent = (Int128)Bounds.MaxAmountMinor * config.PointsPerUnit / ((Int128)config.MinorUnitsPerUnit * 100);
        var total = perMultiplierPercent * 100;
        foreach (var rule in rules)
        {
            Int128 points = rule?.Then switch
            {
                { MultiplierPercent: > 100 and var percent } => perMultiplierPercent * (percent - 100),
                { BonusPoints: > 0 and var bonus } => bonus,
                _ => 0,
            };
            total += rule?.CapPoints is > 0 and var cap ? Int128.Min(points, cap) : points;
        }

        foreach (var offer in offers)
        {
            total += offer is { MultiplierPercent: > 100 } ? perMultiplierPercent * (offer.MultiplierPercent - 100) : 0;
        }

        return (long)Int128.Min(total, long.MaxValue);
    }

    internal static void ValidateMostPointsPerPurchase(ProgramConfig config, Action<bool, string, string> check)
    {
        if (config.MaxPointsPerEvent is null && MostPointsPerPurchase(config) is > Bounds.MaxEventPoints and var most)
        {
            check(false, "maxPointsPerEvent",
                $"must be set, at most {Bounds.MaxEventPoints}: under these rates, rules and offers a purchase of " +
                $"{Bounds.MaxAmountMinor} minor units could earn {most} points");
        }
    }
}

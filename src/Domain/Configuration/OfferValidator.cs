namespace Loyalty.Domain;

/// <summary>Checks offers, RFM thresholds, surprises and the birthday bonus, for <see cref="ProgramConfigValidator"/>.</summary>
internal static class OfferValidator
{
    public static void ValidateOffers(ProgramConfig config, Action<bool, string, string> check)
    {
        check(config.Offers is not null, "offers", "must be a list (empty for none)");
        check((config.Offers?.Count ?? 0) <= Bounds.MaxOffers, "offers", $"must have at most {Bounds.MaxOffers} offers");
        var tiers = (config.Tiers ?? []).Select(t => t?.Name).ToHashSet(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (config.Offers?.Count ?? 0); i++)
        {
            var offer = config.Offers![i];
            var at = $"offers[{i}]";
            if (offer is null)
            {
                check(false, at, "must be an offer");
                continue;
            }

            check(offer.Id is { Length: > 0 and <= 64 } && ids.Add(offer.Id), $"{at}.id", "is required, unique, at most 64 characters");
            check(DisplayNames.IsValid(offer.Name), $"{at}.name", DisplayNames.Rule());
            var startOk = LocalDateTimes.TryParse(offer.Start, out var start);
            var endOk = LocalDateTimes.TryParse(offer.End, out var end);
            check(startOk, $"{at}.start", LocalDateTimes.Rule);
            check(endOk, $"{at}.end", LocalDateTimes.Rule);
            check(!startOk || !endOk || start < end, $"{at}.end", "must be after start");
            check(offer.MultiplierPercent is > 100 and <= 1_000, $"{at}.multiplierPercent", "must be between 101 and 1000 (200 doubles the base points)");
            if (offer.Segment is null)
            {
                check(false, $"{at}.segment", "is required ({} for every member)");
                continue;
            }

            for (var t = 0; t < (offer.Segment.Tiers?.Count ?? 0); t++)
            {
                check(tiers.Contains(offer.Segment.Tiers![t]), $"{at}.segment.tiers[{t}]", "must name one of the program's tiers");
            }

            var rfm = offer.Segment.Rfm;
            check(rfm?.MinRecency is null or (>= 1 and <= 5), $"{at}.segment.rfm.minRecency", "must be between 1 and 5");
            check(rfm?.MinFrequency is null or (>= 1 and <= 5), $"{at}.segment.rfm.minFrequency", "must be between 1 and 5");
            check(rfm?.MinMonetary is null or (>= 1 and <= 5), $"{at}.segment.rfm.minMonetary", "must be between 1 and 5");
        }
    }

    public static void ValidateRfm(RfmThresholds? rfm, Action<bool, string, string> check)
    {
        if (rfm is null)
        {
            check(false, "rfm", "must be an object with recencyDays, frequency and monetaryMinor");
            return;
        }

        static bool Ascending<T>(List<T>? values, T minimum)
            where T : IComparable<T> =>
            values is { Count: 4 } && values[0].CompareTo(minimum) >= 0 && values.Zip(values.Skip(1)).All(pair => pair.First.CompareTo(pair.Second) < 0);

        check(Ascending(rfm.RecencyDays, 0), "rfm.recencyDays", "must be four ascending numbers of days, from 0");
        check(Ascending(rfm.Frequency, 1L), "rfm.frequency", "must be four ascending purchase counts, from 1");
        check(Ascending(rfm.MonetaryMinor, 1L), "rfm.monetaryMinor", "must be four ascending amounts in minor units, from 1");
    }

    public static void ValidateSurprises(ProgramConfig config, Action<bool, string, string> check)
    {
        check(config.Surprises is not null, "surprises", "must be a list (empty for none)");
        check((config.Surprises?.Count ?? 0) <= Bounds.MaxOneOffRewards, "surprises", $"must have at most {Bounds.MaxOneOffRewards} surprises");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (config.Surprises?.Count ?? 0); i++)
        {
            var surprise = config.Surprises![i];
            var at = $"surprises[{i}]";
            if (surprise is null)
            {
                check(false, at, "must be a surprise");
                continue;
            }

            check(surprise.Id is { Length: > 0 and <= 64 } && ids.Add(surprise.Id), $"{at}.id", "is required, unique, at most 64 characters");
            check(Enum.IsDefined(surprise.Kind), $"{at}.kind", "must be purchases, spend or points");
            check(surprise.Target is > 0 and <= Bounds.MaxThreshold, $"{at}.target", ProgramConfigValidator.Between(1, Bounds.MaxThreshold));
            check(surprise.BonusPoints is >= 0 and <= Bounds.MaxBonusPoints, $"{at}.bonusPoints", ProgramConfigValidator.Between(0, Bounds.MaxBonusPoints));
            check(surprise.UpgradeTo is null || (config.Tiers ?? []).Any(t => t?.Name == surprise.UpgradeTo), $"{at}.upgradeTo", "must name one of the program's tiers");
            check(surprise.BonusPoints > 0 || surprise.UpgradeTo is not null, at, "must give bonus points, an upgrade, or both");
        }

        check(config.Birthday is null or { BonusPoints: > 0 and <= Bounds.MaxBonusPoints }, "birthday.bonusPoints", ProgramConfigValidator.Between(1, Bounds.MaxBonusPoints));
    }
}

using System.Text.RegularExpressions;

namespace Loyalty.Domain;

/// <summary>Checks a whole configuration and reports every problem, each naming its field.</summary>
public static partial class ProgramConfigValidator
{
    internal static readonly long[] MinorUnitChoices = [1, 10, 100, 1000];

    // Below a hundred a member could not page back through one busy day; above ten million one list grows too large.
    private const int MinLedgerEntries = 100;
    private const int MaxLedgerEntries = 10_000_000;

    /// <summary>A point worth up to 10,000.00 in a currency of cents keeps the liability of any program far inside <c>decimal</c>.</summary>
    public const long MaxPointValueMinor = 1_000_000;

    /// <summary>
    /// Every problem of <paramref name="config"/>; empty when it is sound. Never throws, even on JSON nulls.
    /// <paramref name="networks"/> says whether webhooks may aim at private networks: the host's choice, not the program's.
    /// </summary>
    public static IReadOnlyList<ValidationError> Validate(ProgramConfig config, WebhookNetworks networks = WebhookNetworks.PublicOnly)
    {
        ArgumentNullException.ThrowIfNull(config);
        var errors = new List<ValidationError>();
        void Check(bool ok, string field, string message)
        {
            if (!ok)
            {
                errors.Add(new ValidationError(field, message));
            }
        }

        Check(DisplayNames.IsValid(config.Name), "name", DisplayNames.Rule());
        Check(ProgramCalendar.TryFindZone(config.TimeZone, out _), "timeZone", "must be an IANA time zone such as Europe/Rome");
        Check(CurrencyPattern().IsMatch(config.Currency ?? ""), "currency", "must be an ISO 4217 code such as GBP");
        Check(MinorUnitChoices.Contains(config.MinorUnitsPerUnit), "minorUnitsPerUnit", "must be 1, 10, 100 or 1000");
        Check(config.PointsPerUnit is >= 1 and <= 10_000, "pointsPerUnit", "must be between 1 and 10000");
        Check(config.ReturnWindowDays is >= 0 and <= 365, "returnWindowDays", "must be between 0 and 365");
        Check(config.PointValueMinor is >= 0 and <= MaxPointValueMinor, "pointValueMinor", Between(0, MaxPointValueMinor));
        Check(config.ExpiryMonths is null or (>= 1 and <= 120), "expiryMonths", "must be between 1 and 120, or absent for no expiry");
        Check(config.ExpiryWarningDays is >= 0 and <= 365, "expiryWarningDays", "must be between 0 and 365");
        Check(config.TierDowngradeGraceDays is >= 0 and <= 365, "tierDowngradeGraceDays", "must be between 0 and 365");
        Check(config.NewsHorizonDays is >= 0 and <= 3_650, "newsHorizonDays", "must be between 0 and 3650");
        Check(config.DuplicateWindowDays is >= 1 and <= 365, "duplicateWindowDays", "must be between 1 and 365");
        Check(config.RedemptionRetentionDays is >= 1 and <= 3_650, "redemptionRetentionDays", "must be between 1 and 3650");
        Check(config.ChallengeRetentionDays is >= 0 and <= 3_650, "challengeRetentionDays", "must be between 0 and 3650");
        Check(config.MaxPointsPerEvent is null or (> 0 and <= Bounds.MaxEventPoints), "maxPointsPerEvent", Between(1, Bounds.MaxEventPoints));
        Check(config.MaxPointsPerDay is null or (> 0 and <= Bounds.MaxEventPoints), "maxPointsPerDay", Between(1, Bounds.MaxEventPoints));
        Check(Enum.IsDefined(config.StreakUnit), "streakUnit", "must be day or week");
        Check(config.StreakFreezes is null or { EarnEvery: >= 1 and <= 1_000 }, "streakFreezes.earnEvery", "must be between 1 and 1000");
        Check(config.StreakFreezes is null or { MaxHeld: >= 1 and <= 10 }, "streakFreezes.maxHeld", "must be between 1 and 10");
        Check(config.LedgerMaxEntries is null or (>= MinLedgerEntries and <= MaxLedgerEntries), "ledgerMaxEntries",
            $"must be between {MinLedgerEntries} and {MaxLedgerEntries}, or absent to keep every entry");
        Check(config.LeaderboardRetention is not null, "leaderboardRetention", "must be an object with days, weeks and months");
        Check(config.LeaderboardRetention is null or { Days: >= 0 and <= 36_600 }, "leaderboardRetention.days", "must be between 0 and 36600");
        Check(config.LeaderboardRetention is null or { Weeks: >= 0 and <= 5_200 }, "leaderboardRetention.weeks", "must be between 0 and 5200");
        Check(config.LeaderboardRetention is null or { Months: >= 0 and <= 1_200 }, "leaderboardRetention.months", "must be between 0 and 1200");
        ValidateTiers(config.Tiers, Check);
        ValidateRules(config.EarningRules, Check);
        ValidateBadges(config.Badges, config.Tiers, Check);
        WebhookValidator.Validate(config.Webhooks, networks, Check);
        CorsValidator.Validate(config.Cors, Check);
        OfferValidator.ValidateOffers(config, Check);
        OfferValidator.ValidateRfm(config.Rfm, Check);
        OfferValidator.ValidateSurprises(config, Check);
        EngagementValidator.Validate(config, Check);
        if (config.Referrals is { } referrals)
        {
            Check(referrals.ReferrerBonusPoints is >= 0 and <= Bounds.MaxBonusPoints, "referrals.referrerBonusPoints", Between(0, Bounds.MaxBonusPoints));
            Check(referrals.RefereeBonusPoints is >= 0 and <= Bounds.MaxBonusPoints, "referrals.refereeBonusPoints", Between(0, Bounds.MaxBonusPoints));
            Check(referrals.MinPurchaseMinor is >= 0 and <= Bounds.MaxAmountMinor, "referrals.minPurchaseMinor", Between(0, Bounds.MaxAmountMinor));
        }

        PurchasePointsBound.ValidateMostPointsPerPurchase(config, Check);
        return errors;
    }

    internal static string Between(long minimum, long maximum) => $"must be between {minimum} and {maximum}";

    private static void ValidateTiers(List<TierDefinition>? tiers, Action<bool, string, string> check)
    {
        check(tiers is { Count: > 0 }, "tiers", "must list at least one tier");
        tiers ??= [];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i];
            if (tier is null)
            {
                check(false, $"tiers[{i}]", "must be a tier");
                continue;
            }

            check(DisplayNames.IsValid(tier.Name, 64), $"tiers[{i}].name", DisplayNames.Rule(64));
            check(tier.Name is null || names.Add(tier.Name), $"tiers[{i}].name", "must be unique");
            if (tier.QualifyingSpendMinor is < 0 or > Bounds.MaxThreshold)
            {
                check(false, $"tiers[{i}].qualifyingSpendMinor", Between(0, Bounds.MaxThreshold));
            }
            else if (i == 0)
            {
                check(tier.QualifyingSpendMinor == 0, $"tiers[{i}].qualifyingSpendMinor", "must be 0 for the first tier");
            }
            else if (tiers[i - 1] is { } previous)
            {
                check(tier.QualifyingSpendMinor > previous.QualifyingSpendMinor, $"tiers[{i}].qualifyingSpendMinor",
                    "must be greater than the previous tier's");
            }
        }
    }

    private static void ValidateBadges(List<BadgeDefinition>? badges, List<TierDefinition>? tiers, Action<bool, string, string> check)
    {
        check((badges?.Count ?? 0) <= Bounds.MaxOneOffRewards, "badges", $"must have at most {Bounds.MaxOneOffRewards} badges");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (badges?.Count ?? 0); i++)
        {
            var badge = badges![i];
            var at = $"badges[{i}]";
            if (badge is null)
            {
                check(false, at, "must be a badge");
                continue;
            }

            check(badge.Id is { Length: > 0 and <= 64 } && ids.Add(badge.Id), $"{at}.id", "is required, unique, at most 64 characters");
            check(DisplayNames.IsValid(badge.Name), $"{at}.name", DisplayNames.Rule());
            check(Enum.IsDefined(badge.Kind), $"{at}.kind", "must be firstPurchase, purchases, spend, streak, tier, challenge or engagement");
            check(badge.Kind is BadgeKind.FirstPurchase or BadgeKind.Tier or BadgeKind.Challenge || badge.Target is > 0 and <= Bounds.MaxThreshold,
                $"{at}.target", Between(1, Bounds.MaxThreshold));
            check(badge.Kind != BadgeKind.Tier || (tiers ?? []).Any(t => t?.Name == badge.Tier), $"{at}.tier", "must name one of the program's tiers");
            check(badge.Kind != BadgeKind.Challenge || badge.Challenge is { Length: > 0 and <= 128 }, $"{at}.challenge", "must name a challenge");
            check(badge.EngagementKind is null || (badge.Kind == BadgeKind.Engagement && EngagementKinds.IsValid(badge.EngagementKind)),
                $"{at}.engagementKind", $"only for engagement badges; {EngagementKinds.Rule}");
            check(badge.BonusPoints is >= 0 and <= Bounds.MaxBonusPoints, $"{at}.bonusPoints", Between(0, Bounds.MaxBonusPoints));
        }
    }

    private static void ValidateRules(List<EarningRule>? rules, Action<bool, string, string> check)
    {
        check(rules is not null, "earningRules", "must be a list (empty for no rules)");
        rules ??= [];
        check(rules.Count <= Bounds.MaxEarningRules, "earningRules", $"must have at most {Bounds.MaxEarningRules} rules");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var path = $"earningRules[{i}]";
            if (rule is null)
            {
                check(false, path, "must be a rule");
                continue;
            }

            check(!string.IsNullOrWhiteSpace(rule.Id) && rule.Id.Length <= 64, $"{path}.id", "is required, at most 64 characters");
            check(rule.Id is null || ids.Add(rule.Id), $"{path}.id", "must be unique");
            check(rule.CapPoints is null or (> 0 and <= Bounds.MaxEventPoints), $"{path}.capPoints", Between(1, Bounds.MaxEventPoints));
            if (rule.When is null)
            {
                check(false, $"{path}.when", "is required (use {} to match every purchase)");
            }
            else
            {
                // A rule without conditions applies to every purchase; a condition that is set must say something.
                check(rule.When.Category is null || !string.IsNullOrWhiteSpace(rule.When.Category), $"{path}.when.category", "must not be empty");
                check(rule.When.Sku is null || !string.IsNullOrWhiteSpace(rule.When.Sku), $"{path}.when.sku", "must not be empty");
                check(rule.When.Channel is null || !string.IsNullOrWhiteSpace(rule.When.Channel), $"{path}.when.channel", "must not be empty");
                check(rule.When.MinBasketMinor is null or (>= 0 and <= Bounds.MaxAmountMinor), $"{path}.when.minBasketMinor", Between(0, Bounds.MaxAmountMinor));
            }

            if (rule.Then is null || (rule.Then.MultiplierPercent is null) == (rule.Then.BonusPoints is null))
            {
                check(false, $"{path}.then", "must set exactly one of multiplierPercent and bonusPoints");
                continue;
            }

            check(rule.Then.MultiplierPercent is null or (> 100 and <= 10_000), $"{path}.then.multiplierPercent",
                "must be between 101 and 10000 (200 doubles the points)");
            check(rule.Then.BonusPoints is null or (> 0 and <= 1_000_000), $"{path}.then.bonusPoints", "must be between 1 and 1000000");
        }
    }

    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyPattern();
}

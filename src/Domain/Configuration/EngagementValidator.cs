namespace Loyalty.Domain;

/// <summary>Checks a configuration's engagement rules, survey bonuses and adjustment retention, each problem naming its field.</summary>
internal static class EngagementValidator
{
    public const int MaxEngagementRules = 100;

    public static void Validate(ProgramConfig config, Action<bool, string, string> check)
    {
        check(config.AdjustmentRetentionDays is >= 1 and <= 3_650, "adjustmentRetentionDays", "must be between 1 and 3650");
        ValidateRules(config.EngagementRules, check);
        ValidateSurveyBonuses(config.SurveyBonuses, check);
    }

    private static void ValidateRules(List<EngagementRule>? rules, Action<bool, string, string> check)
    {
        check(rules is not null, "engagementRules", "must be a list (empty for none)");
        rules ??= [];
        check(rules.Count <= MaxEngagementRules, "engagementRules", $"must have at most {MaxEngagementRules} rules");
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            var at = $"engagementRules[{i}]";
            if (rules[i] is not { } rule)
            {
                check(false, at, "must be a rule");
                continue;
            }

            check(EngagementKinds.IsValid(rule.Kind), $"{at}.kind", EngagementKinds.Rule);
            check(rule.Kind is null || kinds.Add(rule.Kind), $"{at}.kind", "must be unique among the engagement rules");
            check(rule.Points is >= 0 and <= Bounds.MaxBonusPoints, $"{at}.points", ProgramConfigValidator.Between(0, Bounds.MaxBonusPoints));
            check(rule.MaxPerDay is null or (>= 1 and <= EngagementRule.MaxPerDayLimit), $"{at}.maxPerDay",
                $"must be between 1 and {EngagementRule.MaxPerDayLimit}, or absent for no daily cap");
        }
    }

    private static void ValidateSurveyBonuses(List<SurveyBonus>? bonuses, Action<bool, string, string> check)
    {
        check(bonuses is not null, "surveyBonuses", "must be a list (empty for none)");
        bonuses ??= [];
        var kinds = new HashSet<SurveyKind>();
        for (var i = 0; i < bonuses.Count; i++)
        {
            var at = $"surveyBonuses[{i}]";
            if (bonuses[i] is not { } bonus)
            {
                check(false, at, "must be a survey bonus");
                continue;
            }

            check(Enum.IsDefined(bonus.Survey), $"{at}.survey", "must be nps, csat or ces");
            check(!Enum.IsDefined(bonus.Survey) || kinds.Add(bonus.Survey), $"{at}.survey", "must be unique: one bonus per survey kind");
            check(bonus.Points is >= 1 and <= Bounds.MaxBonusPoints, $"{at}.points", ProgramConfigValidator.Between(1, Bounds.MaxBonusPoints));
            check(Enum.IsDefined(bonus.Per), $"{at}.per", "must be month, quarter or year");
        }
    }
}

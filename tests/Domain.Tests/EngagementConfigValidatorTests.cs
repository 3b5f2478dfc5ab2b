namespace Loyalty.Domain.Tests;

public sealed class EngagementConfigValidatorTests
{
    private static IEnumerable<string> Fields(ProgramConfig config) => ProgramConfigValidator.Validate(config).Select(e => e.Field);

    [Fact]
    public void Sound_engagement_rules_survey_bonuses_and_engagement_badges_have_no_errors()
    {
        Assert.Empty(ProgramConfigValidator.Validate(TestPrograms.Basic with
        {
            EngagementRules = [new EngagementRule { Kind = "review", Points = 50, MaxPerDay = 2 }, new EngagementRule { Kind = "app-open", Points = 0, CountsForStreak = true }],
            SurveyBonuses = [new SurveyBonus { Survey = SurveyKind.Nps, Points = 10, Per = SurveyBonusPeriod.Quarter }],
            Badges = [new BadgeDefinition { Id = "fan", Name = "Fan", Kind = BadgeKind.Engagement, Target = 3, EngagementKind = "review" }],
        }));
    }

    [Fact]
    public void Every_engagement_problem_is_reported_with_its_field_path()
    {
        var config = TestPrograms.Basic with
        {
            AdjustmentRetentionDays = 0,
            EngagementRules =
            [
                new EngagementRule { Kind = "Review!", Points = -1, MaxPerDay = 0 },
                new EngagementRule { Kind = "share", Points = Bounds.MaxBonusPoints + 1, MaxPerDay = EngagementRule.MaxPerDayLimit + 1 },
                new EngagementRule { Kind = "share", Points = 1 },
                null!,
            ],
            SurveyBonuses =
            [
                new SurveyBonus { Survey = SurveyKind.Nps, Points = 0, Per = (SurveyBonusPeriod)7 },
                new SurveyBonus { Survey = SurveyKind.Nps, Points = 1, Per = SurveyBonusPeriod.Year },
                new SurveyBonus { Survey = (SurveyKind)9, Points = 1, Per = SurveyBonusPeriod.Year },
            ],
            Badges =
            [
                new BadgeDefinition { Id = "a", Name = "A", Kind = BadgeKind.Engagement, Target = 0, EngagementKind = "Bad Kind" },
                new BadgeDefinition { Id = "b", Name = "B", Kind = BadgeKind.Purchases, Target = 1, EngagementKind = "review" },
            ],
        };

        Assert.Equal(
            [
                "badges[0].target", "badges[0].engagementKind", "badges[1].engagementKind", "adjustmentRetentionDays",
                "engagementRules[0].kind", "engagementRules[0].points", "engagementRules[0].maxPerDay",
                "engagementRules[1].points", "engagementRules[1].maxPerDay", "engagementRules[2].kind", "engagementRules[3]",
                "surveyBonuses[0].points", "surveyBonuses[0].per", "surveyBonuses[1].survey", "surveyBonuses[2].survey",
            ],
            Fields(config));
    }

    [Fact]
    public void An_engagement_challenge_takes_only_a_kind_filter_and_other_goals_take_none()
    {
        ChallengeDefinition Define(ChallengeGoalKind kind, ChallengeFilters? filters) => new()
        {
            Name = "c", Start = "2026-01-01", End = "2026-02-01", Goal = new ChallengeGoal { Kind = kind, Target = 1 }, Filters = filters,
            Reward = new ChallengeReward(1),
        };

        Assert.Empty(ChallengeValidator.Validate(Define(ChallengeGoalKind.Engagement, new ChallengeFilters(EngagementKind: "review"))));
        Assert.Equal(["filters"], ChallengeValidator.Validate(Define(ChallengeGoalKind.Engagement, new ChallengeFilters(Category: "shoes"))).Select(e => e.Field));
        Assert.Equal(["filters.engagementKind"], ChallengeValidator.Validate(Define(ChallengeGoalKind.Engagement, new ChallengeFilters(EngagementKind: "No"))).Select(e => e.Field));
        Assert.Equal(["filters.engagementKind"], ChallengeValidator.Validate(Define(ChallengeGoalKind.Purchases, new ChallengeFilters(EngagementKind: "review"))).Select(e => e.Field));
    }
}

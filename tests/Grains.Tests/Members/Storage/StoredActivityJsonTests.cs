using System.Text.Json;
using Loyalty.Domain;
using Loyalty.Domain.Tests;
using Loyalty.Grains.Members.Storage;
using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Grains.Tests.Members.Storage;

/// <summary>Engagements, survey answers and adjustments survive storage: a reloaded member remembers caps, bonuses and ids.</summary>
public sealed class StoredActivityJsonTests
{
    private static readonly DateTimeOffset Now = At("2026-06-01T12:00Z");

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new StoredMemberJsonConverter() } };

    private static readonly ProgramConfig Config = Rome with
    {
        EngagementRules = [new EngagementRule { Kind = "review", Points = 30, MaxPerDay = 1, CountsForStreak = true }],
        SurveyBonuses = [new SurveyBonus { Survey = SurveyKind.Csat, Points = 15, Per = SurveyBonusPeriod.Year }],
        Badges = [new BadgeDefinition { Id = "critic", Name = "Critic", Kind = BadgeKind.Engagement, Target = 3, EngagementKind = "review" }],
    };

    private static readonly Challenge Reviews = Challenge.From("reviews", new ChallengeDefinition
    {
        Name = "Reviews",
        Start = "2026-05-01",
        End = "2026-07-01",
        Goal = new ChallengeGoal { Kind = ChallengeGoalKind.Engagement, Target = 3 },
        Reward = new ChallengeReward(10),
    });

    [Fact]
    public void A_reloaded_member_keeps_its_engagements_answers_and_adjustments_and_goes_on_alike()
    {
        var account = new MemberAccount("m");
        account.Apply(new Engagement("r1", "m", At("2026-05-10T10:00Z"), "review"), Config, Now, [Reviews]);
        account.Apply(new Engagement("r2", "m", At("2026-05-11T10:00Z"), "review"), Config, Now, [Reviews]);
        account.Apply(new SurveyAnswer("c1", "m", At("2026-05-12T10:00Z"), SurveyKind.Csat, 4), Config, Now);
        account.Apply(new SurveyAnswer("n1", "m", At("2026-05-12T10:00Z"), SurveyKind.Nps, 10), Config, Now);
        account.Adjust("adj-1", 40, "goodwill", Config, Now);

        var copy = JsonSerializer.Deserialize<MemberAccount>(JsonSerializer.Serialize(account, Options), Options)!;

        Assert.Equal(account.WholeLedger, copy.WholeLedger);
        foreach (var target in new[] { account, copy })
        {
            Assert.Equal(AdjustOutcome.AlreadyAdjusted, target.Adjust("adj-1", 40, "goodwill", Config, Now));
            Assert.Equal(ApplyOutcome.Duplicate, target.Apply(new Engagement("r2", "m", At("2026-05-11T10:00Z"), "review"), Config, Now, [Reviews]));
            target.Apply(new Engagement("r3", "m", At("2026-05-11T18:00Z"), "review"), Config, Now, [Reviews]); // over the day's cap
            target.Apply(new SurveyAnswer("c2", "m", At("2026-05-20T10:00Z"), SurveyKind.Csat, 2), Config, Now); // this year's bonus is paid
        }

        var (a, b) = (account.View(Config, Now, [Reviews]), copy.View(Config, Now, [Reviews]));
        Assert.Equal((a.Points, a.Streak), (b.Points, b.Streak));
        Assert.Equal((a.Engagement.Total, a.Engagement.LastAt), (b.Engagement.Total, b.Engagement.LastAt));
        Assert.Equal(a.Engagement.ByKind, b.Engagement.ByKind);
        Assert.Equal(a.Surveys, b.Surveys);
        Assert.Equal(a.Badges, b.Badges);
        Assert.Equal(a.Challenges, b.Challenges);
        Assert.Equal((60L + 15L, 40L), (b.Points.LifetimeEarned, b.Points.Adjusted));
        Assert.Equal((3L, 1m), (b.Challenges[0].Value, b.Challenges[0].Progress));
        Assert.Equal(["critic"], b.Badges.Select(badge => badge.Id));
    }

    [Fact]
    public void A_member_without_activity_stores_none_of_its_fields()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 1_000, "2026-05-10T10:00Z"), Config, Now);

        var json = JsonSerializer.Serialize(account, Options);

        Assert.DoesNotContain("\"engagement\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"surveys\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"adjustments\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"adjusted\"", json, StringComparison.Ordinal);
    }
}

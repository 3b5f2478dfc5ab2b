using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

public sealed class EngagementEventTests
{
    private static readonly DateTimeOffset Now = At("2026-06-30T12:00Z");

    private static readonly ProgramConfig Engaging = Rome with
    {
        EngagementRules =
        [
            new EngagementRule { Kind = "review", Points = 50, MaxPerDay = 2 },
            new EngagementRule { Kind = "app-open", Points = 5, MaxPerDay = 1, CountsForStreak = true },
        ],
    };

    private static Engagement Engage(string id, string kind, string at) => new(id, "m", At(at), kind);

    [Fact]
    public void An_engagement_earns_its_rule_points_available_at_once_with_an_earned_ledger_entry()
    {
        var account = new MemberAccount("m");
        Assert.Equal(ApplyOutcome.Applied, account.Apply(Engage("e1", "review", "2026-06-10T10:00Z"), Engaging, Now));

        Assert.Equal((50L, 0L, 50L), (account.Points.Available, account.Points.Pending, account.Points.LifetimeEarned));
        var entry = Assert.Single(account.WholeLedger);
        Assert.Equal((LedgerKind.Earned, PointsBalance.Available, 50L, "e1"), (entry.Kind, entry.Balance, entry.Points, entry.EventId));
        Assert.Equal(account.Points.Available, account.Sum(PointsBalance.Available));
    }

    [Fact]
    public void The_daily_cap_counts_rewarded_engagements_per_local_day_in_the_program_zone()
    {
        var account = new MemberAccount("m");
        account.Apply(Engage("r1", "review", "2026-06-10T08:00Z"), Engaging, Now);
        account.Apply(Engage("r2", "review", "2026-06-10T12:00Z"), Engaging, Now);
        account.Apply(Engage("r3", "review", "2026-06-10T21:00Z"), Engaging, Now); // 23:00 in Rome: the third of the day earns nothing
        account.Apply(Engage("r4", "review", "2026-06-10T22:30Z"), Engaging, Now); // 00:30 on the 11th in Rome

        Assert.Equal(150, account.Points.LifetimeEarned);
        Assert.Equal(4, account.Engagements.Count("review"));
    }

    [Fact]
    public void A_repeated_engagement_id_is_applied_once()
    {
        var account = new MemberAccount("m");
        account.Apply(Engage("e1", "review", "2026-06-10T10:00Z"), Engaging, Now);
        Assert.Equal(ApplyOutcome.Duplicate, account.Apply(Engage("e1", "review", "2026-06-11T10:00Z"), Engaging, Now));

        Assert.Equal((50L, 1L), (account.Points.LifetimeEarned, account.Engagements.Total));
    }

    [Fact]
    public void A_kind_without_a_rule_earns_nothing_but_counts_for_an_engagement_badge()
    {
        var config = Engaging with
        {
            Badges =
            [
                new BadgeDefinition { Id = "fan", Name = "Fan", Kind = BadgeKind.Engagement, Target = 2, EngagementKind = "wishlist", BonusPoints = 10 },
                new BadgeDefinition { Id = "busy", Name = "Busy", Kind = BadgeKind.Engagement, Target = 3 },
            ],
        };
        var account = new MemberAccount("m");
        account.Apply(Engage("w1", "wishlist", "2026-06-10T10:00Z"), config, Now);
        Assert.Empty(account.Badges.Awarded);
        account.Apply(Engage("w2", "wishlist", "2026-06-11T10:00Z"), config, Now);
        Assert.Equal(["fan"], account.Badges.Awarded.Keys);
        Assert.Equal(10, account.Points.Available); // the badge's bonus only

        account.Apply(Engage("a1", "app-open", "2026-06-12T10:00Z"), config, Now);
        Assert.Equal(At("2026-06-12T10:00Z"), account.Badges.Awarded["busy"]);
    }

    [Fact]
    public void An_engagement_whose_rule_says_so_keeps_the_streak_and_others_do_not()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 1_000, "2026-06-10T10:00Z"), Engaging, Now);
        account.Apply(Engage("a1", "app-open", "2026-06-11T10:00Z"), Engaging, Now);
        account.Apply(Engage("r1", "review", "2026-06-12T10:00Z"), Engaging, Now);

        Assert.Equal(2, account.Streak.Best);
    }

    [Fact]
    public void An_engagement_challenge_counts_only_its_kind_in_its_window_and_purchases_never()
    {
        var challenge = Challenge.From("reviews", new ChallengeDefinition
        {
            Name = "Review week",
            Start = "2026-06-01",
            End = "2026-06-08",
            Goal = new ChallengeGoal { Kind = ChallengeGoalKind.Engagement, Target = 2 },
            Filters = new ChallengeFilters(EngagementKind: "review"),
            Reward = new ChallengeReward(100),
        });
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 5_000, "2026-06-02T10:00Z"), Engaging, Now, [challenge]);
        account.Apply(Engage("a1", "app-open", "2026-06-02T10:00Z"), Engaging, Now, [challenge]);
        account.Apply(Engage("r0", "review", "2026-05-31T10:00Z"), Engaging, Now, [challenge]);
        account.Apply(Engage("r1", "review", "2026-06-03T10:00Z"), Engaging, Now, [challenge]);
        Assert.Equal(1, Assert.Single(account.View(Engaging, Now, [challenge]).Challenges).Value);

        account.Apply(Engage("r2", "review", "2026-06-07T21:00Z"), Engaging, Now, [challenge]); // 23:00 in Rome, still in the window
        var view = Assert.Single(account.View(Engaging, Now, [challenge]).Challenges);
        Assert.Equal((2L, 1m, At("2026-06-07T21:00Z")), (view.Value, view.Progress, view.CompletedAt));
        Assert.Equal([("reviews", At("2026-06-07T21:00Z"))], account.Challenges.AwaitingPlacement);
    }

    [Fact]
    public void Rewarded_days_are_bounded_and_a_day_older_than_all_of_them_earns_nothing()
    {
        var config = Basic with { EngagementRules = [new EngagementRule { Kind = "app-open", Points = 1, MaxPerDay = 1 }] };
        var account = new MemberAccount("m");
        var first = At("2024-01-01T12:00Z");
        for (var day = 1; day <= MemberEngagement.KeptDays + 5; day++)
        {
            account.Apply(new Engagement($"a{day}", "m", first.AddDays(day), "app-open"), config, Now);
        }

        Assert.Equal(MemberEngagement.KeptDays, account.Engagements.RewardedByDay.Count);
        var earned = account.Points.LifetimeEarned;
        account.Apply(new Engagement("old", "m", first, "app-open"), config, Now);
        Assert.Equal(earned, account.Points.LifetimeEarned);
    }

    [Fact]
    public void Kinds_beyond_the_bound_count_in_the_total_only()
    {
        var account = new MemberAccount("m");
        for (var i = 0; i <= MemberEngagement.MaxKinds; i++)
        {
            account.Apply(new Engagement($"k{i}", "m", At("2026-06-10T10:00Z"), $"kind-{i}"), Basic, Now);
        }

        Assert.Equal(MemberEngagement.MaxKinds, account.Engagements.ByKind.Count);
        Assert.Equal(MemberEngagement.MaxKinds + 1, account.Engagements.Total);
    }

    [Theory]
    [InlineData("Review")]
    [InlineData("-review")]
    [InlineData("re--view")]
    [InlineData("")]
    public void A_kind_out_of_format_is_refused_naming_the_field_and_changes_nothing(string kind)
    {
        var account = new MemberAccount("m");
        var refusal = Assert.Throws<EventNotApplicableException>(() => account.Apply(Engage("e1", kind, "2026-06-10T10:00Z"), Engaging, Now));

        Assert.Equal("kind", refusal.Field);
        Assert.Equal((0L, 0L), (account.Version, account.Engagements.Total));
    }
}

using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

public sealed class ChallengeTests
{
    private static readonly DateTimeOffset Now = At("2026-12-31T00:00Z");

    private static Challenge Define(
        ChallengeGoalKind kind, long target, ChallengeFilters? filters = null, string start = "2026-12-01", string end = "2026-12-08",
        long points = 500, string? badge = null, int? maxWinners = null) =>
        Challenge.From("xmas", new ChallengeDefinition
        {
            Name = "Christmas week",
            Start = start,
            End = end,
            Goal = new ChallengeGoal { Kind = kind, Target = target },
            Filters = filters,
            Reward = new ChallengeReward(points, badge),
            MaxWinners = maxWinners,
        });

    private static ChallengeView Progress(MemberAccount account, Challenge challenge, ProgramConfig? config = null) =>
        Assert.Single(account.View(config ?? Basic, Now, [challenge]).Challenges);

    [Fact]
    public void Spend_in_the_window_counts_and_completion_is_recorded_at_the_purchase_that_met_the_goal()
    {
        var challenge = Define(ChallengeGoalKind.Spend, 10_000);
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 3_000, "2026-12-01T00:00Z"), Basic, Now, [challenge]);
        Assert.Equal(0.3m, Progress(account, challenge).Progress);

        account.Apply(Buy("p2", 6_999, "2026-12-03T10:00Z"), Basic, Now, [challenge]);
        Assert.Equal(0.9999m, Progress(account, challenge).Progress);
        Assert.Empty(account.Challenges.AwaitingPlacement);

        account.Apply(Buy("p3", 1, "2026-12-07T23:59:59Z"), Basic, Now, [challenge]);
        var view = Progress(account, challenge);
        Assert.Equal((1m, 10_000L, At("2026-12-07T23:59:59Z")), (view.Progress, view.Value, view.CompletedAt));
        Assert.Equal([("xmas", At("2026-12-07T23:59:59Z"))], account.Challenges.AwaitingPlacement);
    }

    [Fact]
    public void Purchases_dated_outside_the_window_never_count_even_when_they_arrive_during_it()
    {
        var challenge = Define(ChallengeGoalKind.Purchases, 2);
        var account = new MemberAccount("m");
        account.Apply(Buy("before", 1_000, "2026-11-30T23:59:59Z"), Basic, At("2026-12-02T00:00Z"), [challenge]);
        account.Apply(Buy("at-end", 1_000, "2026-12-08T00:00Z"), Basic, At("2026-12-09T00:00Z"), [challenge]);
        Assert.Equal(0, Progress(account, challenge).Value);

        // Dated in the window but arriving after it ended: it counts.
        account.Apply(Buy("late", 1_000, "2026-12-07T12:00Z"), Basic, At("2026-12-20T00:00Z"), [challenge]);
        Assert.Equal(1, Progress(account, challenge).Value);
    }

    [Fact]
    public void The_window_is_read_in_the_program_time_zone_across_a_change_of_clocks()
    {
        // Rome moves to summer time at 02:00 on 29 March 2026: the window is [29 March 00:00, 30 March 00:00) local.
        var challenge = Define(ChallengeGoalKind.Purchases, 10, start: "2026-03-29", end: "2026-03-30");
        var account = new MemberAccount("m");
        account.Apply(Buy("early", 1_000, "2026-03-28T22:59:59Z"), Rome, Now, [challenge]); // 23:59:59 on the 28th
        account.Apply(Buy("first", 1_000, "2026-03-28T23:00:00Z"), Rome, Now, [challenge]); // 00:00 on the 29th (+01:00)
        account.Apply(Buy("last", 1_000, "2026-03-29T21:59:59Z"), Rome, Now, [challenge]);  // 23:59:59 on the 29th (+02:00)
        account.Apply(Buy("next", 1_000, "2026-03-29T22:00:00Z"), Rome, Now, [challenge]);  // 00:00 on the 30th
        Assert.Equal(2, Progress(account, challenge, Rome).Value);
    }

    [Fact]
    public void A_category_filter_counts_only_the_value_of_matching_lines_and_a_channel_filter_only_its_channel()
    {
        var challenge = Define(ChallengeGoalKind.Spend, 10_000, new ChallengeFilters(Category: "Toys", Channel: "app"));
        var account = new MemberAccount("m");
        account.Apply(Buy("mixed", 5_000, "2026-12-02T10:00Z", "m", "APP",
            new PurchaseLine("car", "toys", 2, 1_000), new PurchaseLine("tea", "food", 1, 3_000)), Basic, Now, [challenge]);
        account.Apply(Buy("web", 5_000, "2026-12-02T11:00Z", "m", "web", new PurchaseLine("car", "toys", 5, 1_000)), Basic, Now, [challenge]);
        account.Apply(Buy("no-toys", 5_000, "2026-12-02T12:00Z", "m", "app", new PurchaseLine("tea", "food", 5, 1_000)), Basic, Now, [challenge]);
        var view = Progress(account, challenge);
        Assert.Equal((2_000L, 0.2m), (view.Value, view.Progress));
    }

    [Fact]
    public void Distinct_categories_count_once_whatever_their_case()
    {
        var challenge = Define(ChallengeGoalKind.Categories, 3);
        var account = new MemberAccount("m");
        account.Apply(Buy("a", 2_000, "2026-12-02T10:00Z", lines: [new PurchaseLine("x", "Toys", 1, 1_000), new PurchaseLine("y", "toys", 1, 1_000)]), Basic, Now, [challenge]);
        account.Apply(Buy("b", 1_000, "2026-12-03T10:00Z", lines: [new PurchaseLine("z", "Books", 1, 1_000)]), Basic, Now, [challenge]);
        Assert.Equal(2, Progress(account, challenge).Value);
        account.Apply(Buy("c", 1_000, "2026-12-04T10:00Z", lines: [new PurchaseLine("w", "Garden", 1, 1_000)]), Basic, Now, [challenge]);
        Assert.Equal(At("2026-12-04T10:00Z"), Progress(account, challenge).CompletedAt);
    }

    [Fact]
    public void A_streak_goal_counts_the_longest_run_inside_the_window_whatever_order_purchases_arrive_in()
    {
        var challenge = Define(ChallengeGoalKind.Streak, 3);
        var account = new MemberAccount("m");
        account.Apply(Buy("d1", 1_000, "2026-12-01T10:00Z"), Basic, Now, [challenge]);
        account.Apply(Buy("d3", 1_000, "2026-12-03T10:00Z"), Basic, Now, [challenge]);
        account.Apply(Buy("d0", 1_000, "2026-11-30T10:00Z"), Basic, Now, [challenge]); // outside: no bridge from 30 November
        Assert.Equal(1, Progress(account, challenge).Value);
        account.Apply(Buy("d2", 1_000, "2026-12-02T10:00Z"), Basic, Now, [challenge]);
        Assert.Equal((3L, At("2026-12-02T10:00Z")), (Progress(account, challenge).Value, Progress(account, challenge).CompletedAt));
    }

    [Fact]
    public void A_winner_gets_points_through_the_ledger_and_the_badge_once_and_a_late_finisher_gets_neither()
    {
        var challenge = Define(ChallengeGoalKind.Purchases, 1, badge: "xmas-star", maxWinners: 1);
        var winner = new MemberAccount("w");
        var late = new MemberAccount("l");
        foreach (var account in new[] { winner, late })
        {
            account.Apply(Buy("p-" + account.MemberId, 1_000, "2026-12-02T10:00Z", member: account.MemberId), Basic, Now, [challenge]);
        }

        Assert.True(winner.RecordChallengePlacement(challenge, position: 1, winner: true, Basic, Now));
        Assert.False(winner.RecordChallengePlacement(challenge, position: 1, winner: true, Basic, Now));
        Assert.True(late.RecordChallengePlacement(challenge, position: 2, winner: false, Basic, Now));

        var bonus = Assert.Single(winner.WholeLedger, e => e.Kind == LedgerKind.Bonus);
        Assert.Equal((500L, PointsBalance.Available, At("2026-12-02T10:00Z")), (bonus.Points, bonus.Balance, bonus.OccurredAt));
        Assert.Equal(winner.Points.Available, winner.Sum(PointsBalance.Available));
        Assert.Equal(At("2026-12-02T10:00Z"), winner.Badges.Awarded["xmas-star"]);
        Assert.Equal((1, true), (Progress(winner, challenge).Position, Progress(winner, challenge).Winner));

        Assert.DoesNotContain(late.WholeLedger, e => e.Kind == LedgerKind.Bonus);
        Assert.Empty(late.Badges.Awarded);
        Assert.Equal((2, false), (Progress(late, challenge).Position, Progress(late, challenge).Winner));
        Assert.Equal(At("2026-12-02T10:00Z"), Progress(late, challenge).CompletedAt);
    }

    [Fact]
    public void A_return_takes_back_its_share_of_spend_progress_until_the_goal_is_met()
    {
        var challenge = Define(ChallengeGoalKind.Spend, 10_000);
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 6_000, "2026-12-02T10:00Z"), Basic, Now, [challenge]);
        account.Apply(Refund("r1", 1_000, "2026-12-03T10:00Z", original: "p1"), Basic, Now, [challenge]);
        account.Apply(Refund("r2", 2_000, "2026-12-03T11:00Z", original: "p1"), Basic, Now, [challenge]);
        Assert.Equal(3_000, Progress(account, challenge).Value);

        account.Apply(Buy("p2", 7_000, "2026-12-04T10:00Z"), Basic, Now, [challenge]);
        Assert.Equal(At("2026-12-04T10:00Z"), Progress(account, challenge).CompletedAt);

        // Completed: a later return changes neither the completion nor the progress it reached.
        account.Apply(Refund("r3", 7_000, "2026-12-05T10:00Z", original: "p2"), Basic, Now, [challenge]);
        Assert.Equal((10_000L, At("2026-12-04T10:00Z")), (Progress(account, challenge).Value, Progress(account, challenge).CompletedAt));
    }

    [Fact]
    public void A_challenge_badge_is_awarded_once_the_completion_is_placed()
    {
        var config = Basic with { Badges = [new BadgeDefinition { Id = "finisher", Name = "Finisher", Kind = BadgeKind.Challenge, Challenge = "xmas", BonusPoints = 50 }] };
        var challenge = Define(ChallengeGoalKind.Purchases, 1);
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 1_000, "2026-12-02T10:00Z"), config, Now, [challenge]);
        Assert.Empty(account.Badges.Awarded);

        account.RecordChallengePlacement(challenge, 1, winner: true, config, Now);
        Assert.Equal(At("2026-12-02T10:00Z"), account.Badges.Awarded["finisher"]);
        Assert.Equal(550, account.Points.Available);
    }

    [Fact]
    public void Challenge_definitions_are_validated_field_by_field()
    {
        var bad = new ChallengeDefinition
        {
            Name = "",
            Start = "2026-12-08T00:00:00+01:00",
            End = "2026-12-01",
            Goal = new ChallengeGoal { Kind = (ChallengeGoalKind)9, Target = 0 },
            Filters = new ChallengeFilters(Category: " "),
            Reward = new ChallengeReward(0, null),
            MaxWinners = 0,
        };
        Assert.Equal(
            ["name", "start", "goal.kind", "goal.target", "filters.category", "reward", "maxWinners"],
            ChallengeValidator.Validate(bad).Select(e => e.Field));

        var backwards = bad with { Name = "x", Start = "2026-12-08", Goal = new ChallengeGoal { Kind = ChallengeGoalKind.Spend, Target = 1 }, Filters = null, Reward = new ChallengeReward(1), MaxWinners = null };
        Assert.Equal(["end"], ChallengeValidator.Validate(backwards).Select(e => e.Field));
    }
}

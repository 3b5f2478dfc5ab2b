using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

/// <summary>A member's state is bounded by configuration, never by history: redemptions and challenges come and go.</summary>
public sealed class MemberStateBoundsTests
{
    private static readonly DateTimeOffset Start = At("2024-01-01T10:00Z");

    [Fact]
    public void A_member_who_redeems_every_day_for_years_keeps_only_the_redemptions_of_the_retention()
    {
        var config = Basic with { RedemptionRetentionDays = 30 };
        var account = Rich(config);

        for (var day = 0; day < 1_000; day++)
        {
            Assert.Equal(RedeemOutcome.Redeemed, account.Redeem($"r{day}", "mug", 1, config, Start.AddDays(day)));
        }

        Assert.InRange(account.Redemptions.ById.Count, 30, 31);
        Assert.NotNull(account.Redemptions.Find("r999"));
        Assert.Null(account.Redemptions.Find("r900"));
    }

    [Fact]
    public void A_purchase_no_longer_held_for_returns_stays_a_duplicate_for_the_window_and_no_longer()
    {
        var account = new MemberAccount("m");
        var applied = Start.AddYears(1);
        for (var day = 0; day < 200; day++)
        {
            Assert.Equal(ApplyOutcome.Applied, account.Apply(Buy($"p{day}", 1_000, Start.AddDays(day).ToString("O")), Basic, applied));
        }

        Assert.InRange(account.Purchases.Held.Count, 1, 199);
        Assert.False(account.Purchases.Held.ContainsKey("p0"));
        Assert.All(Enumerable.Range(0, 200), day => Assert.True(account.HasSeen($"p{day}"), $"p{day}"));
        Assert.Equal(ApplyOutcome.Duplicate, account.Apply(Buy("p0", 1_000, Start.ToString("O")), Basic, applied.AddDays(Basic.DuplicateWindowDays - 1)));

        // Past the window only what is still held is known; ids let go are forgotten as the next ones are recorded.
        var later = applied.AddDays(Basic.DuplicateWindowDays + 1);
        account.Apply(Refund("r1", 100, Start.AddDays(300).ToString("O")), Basic, later);
        Assert.False(account.HasSeen("p0"));
        Assert.True(account.HasSeen("p199"));
        Assert.True(account.SeenEvents.Seen.Count < 10, $"{account.SeenEvents.Seen.Count} ids kept past the window");
    }

    [Fact]
    public void Many_redemptions_at_once_keep_the_newest_up_to_the_cap_and_a_fresh_one_is_always_found()
    {
        var account = Rich(Basic);

        for (var i = 0; i < 3 * MemberRedemptions.MaxKept; i++)
        {
            account.Redeem($"r{i:D5}", "mug", 1, Basic, Start.AddSeconds(i));
            Assert.Equal(RedeemOutcome.AlreadyRedeemed, account.Redeem($"r{i:D5}", "mug", 1, Basic, Start.AddSeconds(i).AddMinutes(1)));
        }

        Assert.Equal(MemberRedemptions.MaxKept, account.Redemptions.ById.Count);
        Assert.Equal(
            Enumerable.Range(2 * MemberRedemptions.MaxKept, MemberRedemptions.MaxKept).Select(i => $"r{i:D5}"),
            account.Redemptions.ById.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_cancelled_redemption_is_kept_for_the_retention_after_its_cancellation()
    {
        var config = Basic with { RedemptionRetentionDays = 10 };
        var account = Rich(config);
        account.Redeem("old", "mug", 5, config, Start);
        account.CancelRedemption("old", config, Start.AddDays(8));

        account.Redeem("next", "mug", 5, config, Start.AddDays(15));
        Assert.NotNull(account.Redemptions.Find("old"));
        Assert.True(account.CancelRedemption("old", config, Start.AddDays(15))); // repeating it changes nothing

        account.Redeem("later", "mug", 5, config, Start.AddDays(19));
        Assert.Null(account.Redemptions.Find("old"));
        Assert.False(account.CancelRedemption("old", config, Start.AddDays(19)));
    }

    [Fact]
    public void A_member_who_joins_a_challenge_every_week_for_years_keeps_only_those_not_yet_past()
    {
        var config = Basic with { ChallengeRetentionDays = 14 };
        var account = new MemberAccount("m");
        var all = new List<Challenge>();
        for (var week = 0; week < 150; week++)
        {
            var start = DateOnly.FromDateTime(Start.UtcDateTime).AddDays(7 * week);
            all.Add(Weekly($"w{week}", start));
            var at = Start.AddDays(7 * week).AddHours(1);
            account.Apply(Buy($"p{week}", 1_000, at.ToString("O")), config, at, all);
            foreach (var (id, _) in account.Challenges.AwaitingPlacement.ToList())
            {
                account.RecordChallengePlacement(all.Single(c => c.Id == id), 1, winner: true, config, at);
            }
        }

        // The week under way and the two before it, whose end is less than 14 days ago.
        Assert.InRange(account.Challenges.ById.Count, 2, 3);
        Assert.InRange(account.Challenges.Counted.Count, 2, 3);
        Assert.Equal(150 * 10, account.WholeLedger.Where(e => e.Kind == LedgerKind.Bonus).Sum(e => e.Points));
    }

    [Fact]
    public void A_completion_not_yet_placed_is_kept_past_the_retention_and_forgotten_once_placed()
    {
        var config = Basic with { ChallengeRetentionDays = 7 };
        var challenge = Weekly("w", new DateOnly(2026, 3, 2));
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 1_000, "2026-03-03T10:00Z"), config, At("2026-03-03T10:00Z"), [challenge]);

        account.Apply(Buy("p2", 1_000, "2026-04-01T10:00Z"), config, At("2026-04-01T10:00Z"), [challenge]);
        Assert.Single(account.Challenges.AwaitingPlacement);

        account.RecordChallengePlacement(challenge, 1, winner: true, config, At("2026-04-01T11:00Z"));
        account.Apply(Buy("p3", 1_000, "2026-04-02T10:00Z"), config, At("2026-04-02T10:00Z"), [challenge]);
        Assert.Empty(account.Challenges.ById);
        Assert.Empty(account.View(config, At("2026-04-02T10:00Z"), [challenge]).Challenges);
    }

    [Fact]
    public void A_purchase_dated_in_a_past_challenge_arriving_after_it_was_forgotten_neither_counts_nor_wins_again()
    {
        var config = Basic with { ChallengeRetentionDays = 7 };
        var challenge = Weekly("w", new DateOnly(2026, 3, 2));
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 1_000, "2026-03-03T10:00Z"), config, At("2026-03-03T10:00Z"), [challenge]);
        account.RecordChallengePlacement(challenge, 1, winner: true, config, At("2026-03-03T10:01Z"));
        account.Apply(Buy("p2", 1_000, "2026-04-01T10:00Z"), config, At("2026-04-01T10:00Z"), [challenge]);

        account.Apply(Buy("late", 1_000, "2026-03-04T10:00Z"), config, At("2026-04-02T10:00Z"), [challenge]);

        Assert.Empty(account.Challenges.ById);
        Assert.Empty(account.Challenges.AwaitingPlacement);
        Assert.Equal(10, account.WholeLedger.Where(e => e.Kind == LedgerKind.Bonus).Sum(e => e.Points));
    }

    /// <summary>A member with plenty of available points: one purchase long matured.</summary>
    private static MemberAccount Rich(ProgramConfig config)
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("big", 10_000_000, "2023-01-01T10:00Z"), config, Start);
        return account;
    }

    private static Challenge Weekly(string id, DateOnly start) => Challenge.From(id, new ChallengeDefinition
    {
        Name = id,
        Start = start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        End = start.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Goal = new ChallengeGoal { Kind = ChallengeGoalKind.Purchases, Target = 1 },
        Reward = new ChallengeReward(10),
    });
}

using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

/// <summary>A challenge created mid-window counts the purchases in its window that the member still holds, once.</summary>
public sealed class ChallengeCreatedMidWindowTests
{
    private static readonly DateTimeOffset Now = At("2026-12-20T00:00Z");

    private static Challenge Define(ChallengeGoalKind kind, long target, ChallengeFilters? filters = null) =>
        Challenge.From("december", new ChallengeDefinition
        {
            Name = "December",
            Start = "2026-12-01",
            End = "2027-01-01",
            Goal = new ChallengeGoal { Kind = kind, Target = target },
            Filters = filters,
            Reward = new ChallengeReward(100, null),
        });

    private static MemberAccount BoughtBeforeTheChallengeExisted()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("nov", 5_000, "2026-11-30T12:00Z"), Basic, Now);
        account.Apply(Buy("dec1", 3_000, "2026-12-02T12:00Z"), Basic, Now);
        account.Apply(Buy("dec2", 4_000, "2026-12-05T12:00Z"), Basic, Now);
        account.Apply(Refund("r1", 1_000, "2026-12-06T12:00Z", original: "dec2"), Basic, Now);
        return account;
    }

    [Fact]
    public void Held_purchases_in_the_window_show_at_once_and_count_once_with_the_next_purchase()
    {
        var challenge = Define(ChallengeGoalKind.Spend, 10_000);
        var account = BoughtBeforeTheChallengeExisted();

        var shown = Assert.Single(account.View(Basic, Now, [challenge]).Challenges);
        Assert.Equal(6_000, shown.Value); // 3,000 + 4,000 − 1,000 returned; November is outside the window

        account.Apply(Buy("dec3", 4_000, "2026-12-19T12:00Z"), Basic, Now, [challenge]);
        account.Apply(Buy("dec4", 1_000, "2026-12-19T13:00Z"), Basic, Now, [challenge]);
        var view = Assert.Single(account.View(Basic, Now, [challenge]).Challenges);
        Assert.Equal((11_000L, At("2026-12-19T12:00Z")), (view.Value, view.CompletedAt));
    }

    [Fact]
    public void Held_purchases_alone_can_complete_a_challenge_at_the_purchase_that_met_the_goal()
    {
        var challenge = Define(ChallengeGoalKind.Purchases, 2);
        var account = BoughtBeforeTheChallengeExisted();
        account.Apply(Buy("jan", 1_000, "2027-01-02T12:00Z"), Basic, At("2027-01-03T00:00Z"), [challenge]);

        Assert.Equal([("december", At("2026-12-05T12:00Z"))], account.Challenges.AwaitingPlacement);
    }

    [Fact]
    public void A_challenge_with_filters_counts_only_purchases_that_arrive_once_it_exists()
    {
        var challenge = Define(ChallengeGoalKind.Spend, 10_000, new ChallengeFilters(Channel: "web"));
        var account = BoughtBeforeTheChallengeExisted();
        Assert.Equal(0, Assert.Single(account.View(Basic, Now, [challenge]).Challenges).Value);

        account.Apply(Buy("dec3", 2_000, "2026-12-19T12:00Z", channel: "web"), Basic, Now, [challenge]);
        Assert.Equal(2_000, Assert.Single(account.View(Basic, Now, [challenge]).Challenges).Value);
    }
}

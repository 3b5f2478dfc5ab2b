using System.Text.Json;
using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

/// <summary>Events the rule book cannot apply are refused before anything changes, whatever reaches the member.</summary>
public sealed class PoisonEventTests
{
    private static readonly DateTimeOffset Now = At("2026-12-02T12:00Z");

    private static readonly ProgramConfig Generous = Basic with
    {
        PointsPerUnit = 10_000,
        EarningRules = [new EarningRule("huge", new RuleCondition(), new RuleEffect(MultiplierPercent: 10_000))],
    };

    private static readonly Challenge Shoes = Challenge.From("shoes", new ChallengeDefinition
    {
        Name = "Shoes",
        Start = "2026-01-01T00:00:00",
        End = "2027-01-01T00:00:00",
        Goal = new ChallengeGoal { Kind = ChallengeGoalKind.Spend, Target = 1_000_000 },
        Filters = new ChallengeFilters(Category: "shoes"),
    });

    public static TheoryData<string, LoyaltyEvent, string> Poisons() => new()
    {
        { "year 1", Buy("x", 1_000, "0001-01-01T00:00Z"), "occurredAt" },
        { "negative", Buy("x", -5, "2026-11-01T00:00Z"), "amountMinor" },
        { "huge amount", Buy("x", Bounds.MaxAmountMinor + 1, "2026-11-01T00:00Z"), "amountMinor" },
        { "line overflow", Buy("x", 2_000, "2026-11-01T00:00Z", lines: new PurchaseLine("s", "shoes", 1_000_000, 1_000_000_000_000)), "lines[0].unitPriceMinor" },
        { "return before 1970", Refund("x", 100, "1969-12-31T23:59Z"), "occurredAt" },
    };

    [Theory]
    [MemberData(nameof(Poisons))]
    public void A_poison_event_is_refused_naming_the_field_and_changes_nothing(string _, LoyaltyEvent poison, string field)
    {
        var account = Member();
        var before = JsonSerializer.Serialize(account);

        var refusal = Assert.Throws<EventNotApplicableException>(() => account.Apply(poison, Basic, Now, [Shoes]));

        Assert.Equal(field, refusal.Field);
        Assert.Equal(before, JsonSerializer.Serialize(account));
        Assert.False(account.HasSeen(poison.EventId));
    }

    [Fact]
    public void Points_beyond_what_one_event_may_earn_are_refused_and_a_modest_purchase_still_applies()
    {
        var account = Member();
        var before = JsonSerializer.Serialize(account);

        var refusal = Assert.Throws<EventNotApplicableException>(() => account.Apply(Buy("big", Bounds.MaxAmountMinor, "2026-11-01T00:00Z"), Generous, Now));
        Assert.Equal("amountMinor", refusal.Field);
        Assert.Equal(before, JsonSerializer.Serialize(account));

        Assert.Equal(ApplyOutcome.Applied, account.Apply(Buy("small", 100, "2026-11-01T00:00Z"), Generous, Now));
        Assert.Equal(100 + 1_000_000, account.Points.LifetimeEarned); // 10,000 base + 990,000 from the rule, beside the first 100
    }

    [Fact]
    public void A_member_whose_totals_reach_the_limit_takes_no_more_events()
    {
        var account = MemberAccount.Restore("m", 0, 0, null, new MemberParts() with { Purchases = MemberPurchases.Restore(EventLimits.MaxMemberTotal + 1, 1, []) });
        var refusal = Assert.Throws<EventNotApplicableException>(() => account.Apply(Buy("more", 1_000, "2026-11-01T00:00Z"), Basic, Now));
        Assert.Equal("memberId", refusal.Field);
    }

    [Fact]
    public void A_category_challenge_counts_its_lines_but_never_more_than_the_purchase()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 2_000, "2026-11-01T00:00Z", lines: new PurchaseLine("s", "shoes", 1_000, 1_000_000)), Basic, Now, [Shoes]);

        Assert.Equal(2_000, account.Challenges.Progress("shoes")!.SpendMinor);
        Assert.Equal(2_000, account.Purchases.LifetimeSpendMinor);
    }

    private static MemberAccount Member()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p0", 10_000, "2026-11-01T10:00Z"), Basic, Now, [Shoes]);
        return account;
    }
}

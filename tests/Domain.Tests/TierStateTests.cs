using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

public sealed class TierStateTests
{
    private static TierView Tier(MemberAccount account, string now) => account.View(Basic, At(now)).Tier;

    [Fact]
    public void A_purchase_that_crosses_two_thresholds_upgrades_at_once()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 600_000, "2026-03-01T10:00Z"), Basic, At("2026-03-02T00:00Z"));
        Assert.Equal(new TierView("gold", null, 600_000, null), Tier(account, "2026-03-02T00:00Z"));
    }

    [Fact]
    public void Progress_shows_the_next_tier_and_its_threshold()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 40_000, "2026-03-01T10:00Z"), Basic, At("2026-03-02T00:00Z"));
        Assert.Equal(new TierView("member", "silver", 40_000, 100_000), Tier(account, "2026-03-02T00:00Z"));
    }

    [Fact]
    public void Qualifying_spend_rolls_over_twelve_months()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 40_000, "2025-03-15T10:00Z"), Basic, At("2025-03-16T00:00Z"));
        account.Apply(Buy("p2", 30_000, "2025-09-15T10:00Z"), Basic, At("2025-09-16T00:00Z"));

        Assert.Equal(70_000, Tier(account, "2026-02-28T00:00Z").QualifyingSpendMinor);
        Assert.Equal(30_000, Tier(account, "2026-03-01T00:00Z").QualifyingSpendMinor);
    }

    [Fact]
    public void Returns_reduce_qualifying_spend_in_the_original_purchase_month()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 80_000, "2025-03-15T10:00Z"), Basic, At("2025-03-16T00:00Z"));
        account.Apply(Refund("r1", 30_000, "2025-04-02T10:00Z", "p1"), Basic, At("2025-04-03T00:00Z"));

        Assert.Equal(50_000, account.Tier.MonthlySpend["2025-03"]);
        Assert.False(account.Tier.MonthlySpend.ContainsKey("2025-04"));
    }

    [Fact]
    public void There_is_no_downgrade_before_the_anniversary()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 150_000, "2025-03-15T10:00Z"), Basic, At("2025-03-16T00:00Z"));

        account.Advance(Basic, At("2026-03-15T09:59Z"));

        Assert.Equal("silver", Tier(account, "2026-03-15T09:59Z").Current);
    }

    [Fact]
    public void At_the_anniversary_a_member_below_the_threshold_drops_one_step_per_year()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 600_000, "2024-03-15T10:00Z"), Basic, At("2024-03-16T00:00Z"));

        account.Advance(Basic, At("2025-03-15T10:00Z"));
        Assert.Equal("silver", Tier(account, "2025-03-15T10:00Z").Current);

        account.Advance(Basic, At("2026-03-15T10:00Z"));
        Assert.Equal("member", Tier(account, "2026-03-15T10:00Z").Current);
    }

    [Fact]
    public void A_member_who_still_qualifies_keeps_the_tier_at_the_anniversary()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 150_000, "2025-03-15T10:00Z"), Basic, At("2025-03-16T00:00Z"));
        account.Apply(Buy("p2", 120_000, "2026-01-10T10:00Z"), Basic, At("2026-01-11T00:00Z"));

        account.Advance(Basic, At("2026-03-20T00:00Z"));

        Assert.Equal("silver", Tier(account, "2026-03-20T00:00Z").Current);
    }

    [Fact]
    public void Grace_days_delay_the_downgrade()
    {
        var config = Basic with { TierDowngradeGraceDays = 10 };
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 150_000, "2025-03-15T10:00Z"), config, At("2025-03-16T00:00Z"));

        account.Advance(config, At("2026-03-24T10:00Z"));
        Assert.Equal("silver", account.View(config, At("2026-03-24T10:00Z")).Tier.Current);
        account.Advance(config, At("2026-03-25T10:00Z"));
        Assert.Equal("member", account.View(config, At("2026-03-25T10:00Z")).Tier.Current);
    }
}

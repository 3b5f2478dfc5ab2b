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

        account.ApplyDueWork(Basic, At("2026-03-15T09:59Z"));

        Assert.Equal("silver", Tier(account, "2026-03-15T09:59Z").Current);
    }

    [Fact]
    public void At_the_anniversary_a_member_below_the_threshold_drops_one_step_per_year()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 600_000, "2024-03-15T10:00Z"), Basic, At("2024-03-16T00:00Z"));

        account.ApplyDueWork(Basic, At("2025-03-15T10:00Z"));
        Assert.Equal("silver", Tier(account, "2025-03-15T10:00Z").Current);

        account.ApplyDueWork(Basic, At("2026-03-15T10:00Z"));
        Assert.Equal("member", Tier(account, "2026-03-15T10:00Z").Current);
    }

    [Fact]
    public void A_member_who_still_qualifies_keeps_the_tier_at_the_anniversary()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 150_000, "2025-03-15T10:00Z"), Basic, At("2025-03-16T00:00Z"));
        account.Apply(Buy("p2", 120_000, "2026-01-10T10:00Z"), Basic, At("2026-01-11T00:00Z"));

        account.ApplyDueWork(Basic, At("2026-03-20T00:00Z"));

        Assert.Equal("silver", Tier(account, "2026-03-20T00:00Z").Current);
    }

    [Fact]
    public void Grace_days_delay_the_downgrade()
    {
        var config = Basic with { TierDowngradeGraceDays = 10 };
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 150_000, "2025-03-15T10:00Z"), config, At("2025-03-16T00:00Z"));

        account.ApplyDueWork(config, At("2026-03-24T10:00Z"));
        Assert.Equal("silver", account.View(config, At("2026-03-24T10:00Z")).Tier.Current);
        account.ApplyDueWork(config, At("2026-03-25T10:00Z"));
        Assert.Equal("member", account.View(config, At("2026-03-25T10:00Z")).Tier.Current);
    }

    [Fact]
    public void An_upgrade_records_the_purchase_time_as_the_anniversary_base()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 60_000, "2026-03-01T10:00Z"), Basic, At("2026-03-02T00:00Z"));
        account.Apply(Buy("p2", 50_000, "2026-04-10T08:00Z"), Basic, At("2026-04-11T00:00Z"));

        Assert.Equal("silver", account.Tier.Current);
        Assert.Equal(At("2026-04-10T08:00Z"), account.Tier.AnniversaryBase);
    }

    [Fact]
    public void A_return_does_not_downgrade_before_the_anniversary()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 150_000, "2026-03-15T10:00Z"), Basic, At("2026-03-16T00:00Z"));
        account.Apply(Refund("r1", 150_000, "2026-03-20T10:00Z", "p1"), Basic, At("2026-03-21T00:00Z"));

        Assert.Equal(new TierView("silver", "gold", 0, 500_000), Tier(account, "2026-03-21T00:00Z"));
    }

    [Fact]
    public void A_purchase_during_the_grace_period_keeps_the_tier()
    {
        var config = Basic with { TierDowngradeGraceDays = 30 };
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 150_000, "2025-03-15T10:00Z"), config, At("2025-03-16T00:00Z"));

        // The anniversary is 15 March 2026; the grace ends 14 April 2026 and the window is judged up to April.
        account.Apply(Buy("p2", 100_000, "2026-04-01T10:00Z"), config, At("2026-04-01T10:00Z"));
        account.ApplyDueWork(config, At("2026-04-20T00:00Z"));

        Assert.Equal("silver", account.View(config, At("2026-04-20T00:00Z")).Tier.Current);
    }

    [Fact]
    public void Advancing_lazily_gives_the_same_tier_as_advancing_every_day()
    {
        var eager = new MemberAccount("m");
        var lazy = new MemberAccount("m");
        foreach (var account in new[] { eager, lazy })
        {
            account.Apply(Buy("p1", 600_000, "2024-03-15T10:00Z"), Basic, At("2024-03-16T00:00Z"));
        }

        for (var day = At("2024-03-16T00:00Z"); day < At("2025-03-20T12:00Z"); day = day.AddDays(1))
        {
            eager.ApplyDueWork(Basic, day);
        }

        // A purchase after the anniversary, in the anniversary's month: it must not rescue the tier retroactively.
        eager.Apply(Buy("p2", 500_000, "2025-03-20T12:00Z"), Basic, At("2025-03-20T12:00Z"));
        lazy.Apply(Buy("p2", 500_000, "2025-03-20T12:00Z"), Basic, At("2025-03-20T12:00Z"));

        Assert.Equal((eager.Tier.Current, eager.Tier.AnniversaryBase, eager.Tier.AnniversariesJudged),
            (lazy.Tier.Current, lazy.Tier.AnniversaryBase, lazy.Tier.AnniversariesJudged));
        Assert.Equal(At("2025-03-20T12:00Z"), lazy.Tier.AnniversaryBase); // dropped to silver, then re-qualified for gold
    }

    [Fact]
    public void Anniversaries_of_a_leap_day_do_not_drift()
    {
        TierDefinition[] tiers = [new("t0", 0), new("t1", 1_000), new("t2", 2_000), new("t3", 3_000), new("t4", 4_000), new("t5", 5_000)];
        var tier = TierState.Restore("t5", At("2024-02-29T10:00Z"), 0, []);

        tier.ApplyAnniversaries(tiers, 0, TimeZoneInfo.Utc, At("2028-02-29T09:59Z"));
        Assert.Equal("t2", tier.Current); // judged 28 Feb 2025, 2026, 2027 - but not yet 28 Feb 2028

        tier.ApplyAnniversaries(tiers, 0, TimeZoneInfo.Utc, At("2028-02-29T10:00Z"));
        Assert.Equal("t1", tier.Current);
    }

    [Fact]
    public void A_member_back_at_the_lowest_tier_has_no_anniversary()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 150_000, "2025-03-15T10:00Z"), Basic, At("2025-03-16T00:00Z"));
        account.ApplyDueWork(Basic, At("2026-03-15T10:00Z"));

        Assert.Equal("member", account.Tier.Current);
        Assert.Null(account.Tier.AnniversaryBase);
    }

    [Fact]
    public void Qualifying_spend_counts_months_in_the_program_time_zone()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 40_000, "2025-02-28T23:30Z"), Rome, At("2025-03-01T00:00Z")); // 1 March in Rome

        Assert.Equal(40_000, account.Tier.MonthlySpend["2025-03"]);
        Assert.Equal(40_000, account.View(Rome, At("2026-02-28T22:59Z")).Tier.QualifyingSpendMinor); // still February in Rome
        Assert.Equal(0, account.View(Rome, At("2026-02-28T23:00Z")).Tier.QualifyingSpendMinor);      // March 2026 in Rome
    }

    [Fact]
    public void Net_negative_windows_count_as_zero()
    {
        var account = new MemberAccount("m");
        account.Apply(Refund("r1", 30_000, "2026-03-15T10:00Z"), Basic, At("2026-03-16T00:00Z"));
        Assert.Equal(0, Tier(account, "2026-03-16T00:00Z").QualifyingSpendMinor);
    }
}

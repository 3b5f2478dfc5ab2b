using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

public sealed class MemberAccountPointsTests
{
    private static readonly DateTimeOffset Now = At("2026-06-01T12:00Z");

    [Fact]
    public void Purchase_points_are_pending_until_the_return_window_is_over()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 10_000, "2026-05-20T10:00Z"), Basic, Now);

        Assert.Equal((0L, 100L), (account.Available, account.Pending));
        Assert.False(account.Advance(Basic, At("2026-06-19T09:59:59Z")));
        Assert.True(account.Advance(Basic, At("2026-06-19T10:00Z")));
        Assert.Equal((100L, 0L), (account.Available, account.Pending));
    }

    [Fact]
    public void Maturing_writes_a_pair_of_ledger_entries()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 10_000, "2026-01-01T10:00Z"), Basic, Now);

        Assert.Equal(
            [(LedgerKind.Earned, PointsBalance.Pending, 100L), (LedgerKind.Matured, PointsBalance.Pending, -100L), (LedgerKind.Matured, PointsBalance.Available, 100L)],
            account.Ledger.Select(e => (e.Kind, e.Balance, e.Points)));
        Assert.Equal([1L, 2L, 3L], account.Ledger.Select(e => e.Sequence));
    }

    [Fact]
    public void A_repeated_event_id_changes_nothing()
    {
        var account = new MemberAccount("m");
        Assert.Equal(ApplyOutcome.Applied, account.Apply(Buy("p1", 10_000, "2026-05-20T10:00Z"), Basic, Now));
        var version = account.Version;

        Assert.Equal(ApplyOutcome.Duplicate, account.Apply(Buy("p1", 99_999, "2026-05-21T10:00Z"), Basic, Now));
        Assert.Equal(ApplyOutcome.Duplicate, account.Apply(Refund("p1", 10_000, "2026-05-21T10:00Z"), Basic, Now));

        Assert.Equal(version, account.Version);
        Assert.Equal(100, account.LifetimeEarned);
        Assert.Equal(10_000, account.LifetimeSpendMinor);
        Assert.True(account.HasSeen("p1"));
    }

    [Fact]
    public void Partial_returns_that_add_up_to_the_whole_claw_back_exactly_what_was_earned()
    {
        var config = Basic with { EarningRules = [new EarningRule("x3", new RuleCondition(), new RuleEffect(MultiplierPercent: 300))] };
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 1_001, "2026-05-20T10:00Z"), config, Now); // earns 30
        account.Apply(Refund("r1", 333, "2026-05-21T10:00Z", "p1"), config, Now);
        account.Apply(Refund("r2", 333, "2026-05-22T10:00Z", "p1"), config, Now);
        account.Apply(Refund("r3", 335, "2026-05-23T10:00Z", "p1"), config, Now);

        Assert.Equal(30, account.LifetimeEarned);
        Assert.Equal(30, account.ClawedBack);
        Assert.Equal((0L, 0L), (account.Available, account.Pending));
        Assert.Equal(0, account.LifetimeSpendMinor);
    }

    [Fact]
    public void A_return_larger_than_the_purchase_claws_back_no_more_than_it_earned()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 5_000, "2026-05-20T10:00Z"), Basic, Now);
        account.Apply(Refund("r1", 8_000, "2026-05-21T10:00Z", "p1"), Basic, Now);

        Assert.Equal(50, account.ClawedBack);
        Assert.Equal(0, account.LifetimeSpendMinor);
    }

    [Fact]
    public void A_clawback_takes_from_the_purchase_lot_first_then_from_available()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("old", 20_000, "2026-01-01T10:00Z"), Basic, Now);     // 200 available
        account.Apply(Buy("new", 10_000, "2026-05-25T10:00Z"), Basic, Now);     // 100 pending
        account.Apply(Refund("r1", 10_000, "2026-05-26T10:00Z", "new"), Basic, Now);

        Assert.Equal((200L, 0L), (account.Available, account.Pending));
        account.Apply(Refund("r2", 20_000, "2026-05-26T11:00Z", "old"), Basic, Now);
        Assert.Equal((0L, 0L), (account.Available, account.Pending));
    }

    [Fact]
    public void A_clawback_larger_than_the_balance_goes_negative_and_later_earnings_repay_it()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 10_000, "2026-01-01T10:00Z"), Basic, Now);
        Assert.Equal(100, account.Available);
        // The member already spent the points elsewhere: simulate by a bare return at the base rate.
        account.Apply(Refund("r1", 30_000, "2026-01-05T10:00Z"), Basic, Now);
        Assert.Equal(-200, account.Available);

        account.Apply(Buy("p2", 25_000, "2026-02-01T10:00Z"), Basic, Now);
        Assert.Equal(50, account.Available);
        Assert.Equal(account.Available, account.Sum(PointsBalance.Available));
    }

    [Fact]
    public void A_bare_return_reverses_at_the_base_rate_from_the_newest_pending_lots()
    {
        var config = Basic with { EarningRules = [new EarningRule("bonus", new RuleCondition(), new RuleEffect(BonusPoints: 40))] };
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 10_000, "2026-05-20T10:00Z"), config, Now); // 140 pending
        account.Apply(Buy("p2", 1_000, "2026-05-21T10:00Z"), config, Now);  // 50 pending
        account.Apply(Refund("r1", 10_000, "2026-05-22T10:00Z", original: "unknown"), config, Now);

        Assert.Equal(100, account.ClawedBack);
        Assert.Equal(90, account.Pending);
        Assert.Equal(["p1"], account.PendingLots.Select(l => l.EventId));
    }

    [Fact]
    public void The_daily_cap_applies_per_local_day_of_the_member()
    {
        var config = Rome with { MaxPointsPerDay = 150 };
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 10_000, "2026-05-20T10:00Z"), config, Now);
        account.Apply(Buy("p2", 10_000, "2026-05-20T20:00Z"), config, Now);
        account.Apply(Buy("p3", 10_000, "2026-05-20T22:30Z"), config, Now); // 00:30 on the 21st in Rome

        Assert.Equal(100 + 50 + 100, account.LifetimeEarned);
    }

    [Fact]
    public void Balances_always_equal_the_sum_of_the_ledger()
    {
        var random = new Random(7);
        for (var run = 0; run < 50; run++)
        {
            var account = new MemberAccount("m");
            var purchases = new List<string>();
            var now = At("2026-01-01T00:00Z");
            for (var i = 0; i < 60; i++)
            {
                var at = now.AddHours(-random.Next(0, 24 * 60));
                if (purchases.Count == 0 || random.Next(3) > 0)
                {
                    purchases.Add($"p{i}");
                    account.Apply(new Purchase($"p{i}", "m", at, random.Next(1, 50_000), "GBP", [], null), Basic, now);
                }
                else
                {
                    var original = random.Next(2) == 0 ? purchases[random.Next(purchases.Count)] : null;
                    account.Apply(new Return($"r{i}", "m", at, random.Next(1, 50_000), "GBP", original), Basic, now);
                }

                now = now.AddHours(random.Next(0, 72));
                account.Advance(Basic, now);
                Assert.Equal(account.Available, account.Sum(PointsBalance.Available));
                Assert.Equal(account.Pending, account.Sum(PointsBalance.Pending));
                Assert.Equal(account.LifetimeEarned - account.ClawedBack, account.Available + account.Pending);
            }
        }
    }

    [Fact]
    public void Period_totals_follow_event_time_and_returns_count_in_their_own_month()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 10_000, "2026-03-31T22:30Z"), Rome, Now); // April in Rome
        account.Apply(Buy("p2", 5_000, "2026-03-10T10:00Z"), Rome, Now);
        account.Apply(Refund("r1", 5_000, "2026-05-02T10:00Z", "p1"), Rome, Now);

        Assert.Equal(new PeriodTotals(100, 10_000, 1, At("2026-03-31T22:30Z")), account.Periods["2026-04"]);
        Assert.Equal(new PeriodTotals(50, 5_000, 1, At("2026-03-10T10:00Z")), account.Periods["2026-03"]);
        Assert.Equal(new PeriodTotals(-50, -5_000, 0, At("2026-05-02T10:00Z")), account.Periods["2026-05"]);
        Assert.Equal(new PeriodTotals(100, 10_000, 2, At("2026-05-02T10:00Z")), account.Periods[PeriodKeys.All]);
    }

    [Fact]
    public void Late_events_give_the_same_totals_as_in_order()
    {
        Purchase[] events = [Buy("a", 1_000, "2026-01-01T10:00Z"), Buy("b", 2_000, "2026-01-05T10:00Z"), Buy("c", 3_000, "2026-01-03T10:00Z")];
        var inOrder = new MemberAccount("m");
        var shuffled = new MemberAccount("m");
        foreach (var e in events.OrderBy(e => e.OccurredAt))
        {
            inOrder.Apply(e, Basic, Now);
        }

        foreach (var e in events)
        {
            shuffled.Apply(e, Basic, Now);
        }

        Assert.Equal(inOrder.Periods[PeriodKeys.All], shuffled.Periods[PeriodKeys.All]);
        var (a, b) = (inOrder.View(Basic, Now), shuffled.View(Basic, Now));
        Assert.Equal((a.Points, a.Tier, a.Streak, a.LifetimeSpendMinor), (b.Points, b.Tier, b.Streak, b.LifetimeSpendMinor));
    }
}

using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

public sealed class MemberAccountReturnTests
{
    private static readonly DateTimeOffset Now = At("2026-06-01T12:00Z");

    [Fact]
    public void Partial_returns_that_add_up_to_the_whole_claw_back_exactly_what_was_earned()
    {
        var config = Basic with { EarningRules = [new EarningRule("x3", new RuleCondition(), new RuleEffect(MultiplierPercent: 300))] };
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 1_001, "2026-05-20T10:00Z"), config, Now); // earns 30
        account.Apply(Refund("r1", 333, "2026-05-21T10:00Z", "p1"), config, Now);
        account.Apply(Refund("r2", 333, "2026-05-22T10:00Z", "p1"), config, Now);
        account.Apply(Refund("r3", 335, "2026-05-23T10:00Z", "p1"), config, Now);

        Assert.Equal(30, account.Points.LifetimeEarned);
        Assert.Equal(30, account.Points.ClawedBack);
        Assert.Equal((0L, 0L), (account.Points.Available, account.Points.Pending));
        Assert.Equal(0, account.Purchases.LifetimeSpendMinor);
    }

    [Fact]
    public void A_return_larger_than_the_purchase_claws_back_no_more_than_it_earned()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 5_000, "2026-05-20T10:00Z"), Basic, Now);
        account.Apply(Refund("r1", 8_000, "2026-05-21T10:00Z", "p1"), Basic, Now);

        Assert.Equal(50, account.Points.ClawedBack);
        Assert.Equal(0, account.Purchases.LifetimeSpendMinor);
    }

    [Fact]
    public void A_clawback_takes_from_the_purchase_lot_first_then_from_available()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("old", 20_000, "2026-01-01T10:00Z"), Basic, Now);     // 200 available
        account.Apply(Buy("new", 10_000, "2026-05-25T10:00Z"), Basic, Now);     // 100 pending
        account.Apply(Refund("r1", 10_000, "2026-05-26T10:00Z", "new"), Basic, Now);

        Assert.Equal((200L, 0L), (account.Points.Available, account.Points.Pending));
        account.Apply(Refund("r2", 20_000, "2026-05-26T11:00Z", "old"), Basic, Now);
        Assert.Equal((0L, 0L), (account.Points.Available, account.Points.Pending));
    }

    [Fact]
    public void A_clawback_larger_than_the_balance_goes_negative_and_later_earnings_repay_it()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 10_000, "2026-01-01T10:00Z"), Basic, Now);
        Assert.Equal(100, account.Points.Available);
        // The member already spent the points elsewhere: simulate by a bare return at the base rate.
        account.Apply(Refund("r1", 30_000, "2026-01-05T10:00Z"), Basic, Now);
        Assert.Equal(-200, account.Points.Available);

        account.Apply(Buy("p2", 25_000, "2026-02-01T10:00Z"), Basic, Now);
        Assert.Equal(50, account.Points.Available);
        Assert.Equal(account.Points.Available, account.Sum(PointsBalance.Available));
    }

    [Fact]
    public void A_bare_return_reverses_at_the_base_rate_from_the_newest_pending_lots()
    {
        var config = Basic with { EarningRules = [new EarningRule("bonus", new RuleCondition(), new RuleEffect(BonusPoints: 40))] };
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 10_000, "2026-05-20T10:00Z"), config, Now); // 140 pending
        account.Apply(Buy("p2", 1_000, "2026-05-21T10:00Z"), config, Now);  // 50 pending
        account.Apply(Refund("r1", 10_000, "2026-05-22T10:00Z", original: "unknown"), config, Now);

        Assert.Equal(100, account.Points.ClawedBack);
        Assert.Equal(90, account.Points.Pending);
        Assert.Equal(["p1"], account.Points.PendingLots.Select(l => l.EventId));
    }

    [Fact]
    public void A_return_first_lets_due_lots_mature_then_claws_back_from_available()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 10_000, "2026-01-01T10:00Z"), Basic, At("2026-01-02T00:00Z"));
        Assert.Equal(100, account.Points.Pending);

        // Nobody touched the member when the return window ended; the return arrives long after.
        account.Apply(Refund("r1", 10_000, "2026-03-01T10:00Z", "p1"), Basic, At("2026-03-01T10:00Z"));

        Assert.Equal(
            [(LedgerKind.Earned, PointsBalance.Pending, 100L), (LedgerKind.Matured, PointsBalance.Pending, -100L),
             (LedgerKind.Matured, PointsBalance.Available, 100L), (LedgerKind.ClawedBack, PointsBalance.Available, -100L)],
            account.WholeLedger.Select(e => (e.Kind, e.Balance, e.Points)));
    }

    [Fact]
    public void A_partial_return_claws_back_its_share_of_what_the_purchase_earned()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 10_000, "2026-05-20T10:00Z"), Basic, Now); // 100 pending
        account.Apply(Refund("r1", 2_550, "2026-05-21T10:00Z", "p1"), Basic, Now);

        Assert.Equal(25, account.Points.ClawedBack); // floor(100 × 2 550 ÷ 10 000)
        Assert.Equal(75, account.Points.Pending);
        Assert.Equal(7_450, account.Purchases.LifetimeSpendMinor);
        Assert.Equal("return r1 of purchase p1: 2550 of 10000 refunded, 25 of 100 points clawed back in total", account.WholeLedger[^1].Reason);
    }

    [Fact]
    public void Returns_after_a_full_refund_change_neither_points_nor_spend()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 5_000, "2026-05-20T10:00Z"), Basic, Now);
        account.Apply(Refund("r1", 5_000, "2026-05-21T10:00Z", "p1"), Basic, Now);
        var entries = account.WholeLedger.Count;

        Assert.Equal(ApplyOutcome.Applied, account.Apply(Refund("r2", 5_000, "2026-05-22T10:00Z", "p1"), Basic, Now));

        Assert.Equal((50L, 0L), (account.Points.ClawedBack, account.Purchases.LifetimeSpendMinor));
        Assert.Equal(entries, account.WholeLedger.Count);
    }

    [Fact]
    public void A_bare_return_takes_from_the_newest_lot_by_event_time_not_by_arrival()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("newer", 10_000, "2026-05-25T10:00Z"), Basic, Now);
        account.Apply(Buy("older", 10_000, "2026-05-20T10:00Z"), Basic, Now); // arrives late
        account.Apply(Refund("r1", 5_000, "2026-05-26T10:00Z"), Basic, Now);

        Assert.Equal([("newer", 50L), ("older", 100L)], account.Points.PendingLots.Select(l => (l.EventId, l.Points)).OrderBy(l => l.EventId));
    }

    [Fact]
    public void A_return_naming_an_unknown_purchase_is_reversed_at_the_base_rate_in_its_own_month()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 10_000, "2026-04-20T10:00Z"), Basic, Now);
        account.Apply(Refund("r1", 3_000, "2026-05-02T10:00Z", original: "never-seen"), Basic, Now);

        Assert.Equal(30, account.Points.ClawedBack);
        Assert.Equal(-3_000, account.Tier.MonthlySpend["2026-05"]);
        Assert.Equal("return r1: 3000 reversed at the base rate", account.WholeLedger[^1].Reason);
    }
}

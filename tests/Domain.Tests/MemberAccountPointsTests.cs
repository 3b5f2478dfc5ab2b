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

        Assert.Equal((0L, 100L), (account.Points.Available, account.Points.Pending));
        Assert.False(account.ApplyDueWork(Basic, At("2026-06-19T09:59:59Z")));
        Assert.True(account.ApplyDueWork(Basic, At("2026-06-19T10:00Z")));
        Assert.Equal((100L, 0L), (account.Points.Available, account.Points.Pending));
    }

    [Fact]
    public void Maturing_writes_a_pair_of_ledger_entries()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 10_000, "2026-01-01T10:00Z"), Basic, Now);

        Assert.Equal(
            [(LedgerKind.Earned, PointsBalance.Pending, 100L), (LedgerKind.Matured, PointsBalance.Pending, -100L), (LedgerKind.Matured, PointsBalance.Available, 100L)],
            account.WholeLedger.Select(e => (e.Kind, e.Balance, e.Points)));
        Assert.Equal([1L, 2L, 3L], account.WholeLedger.Select(e => e.Sequence));
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
        Assert.Equal(100, account.Points.LifetimeEarned);
        Assert.Equal(10_000, account.Purchases.LifetimeSpendMinor);
        Assert.True(account.HasSeen("p1"));
    }

    [Fact]
    public void The_daily_cap_applies_per_local_day_of_the_member()
    {
        var config = Rome with { MaxPointsPerDay = 150 };
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 10_000, "2026-05-20T10:00Z"), config, Now);
        account.Apply(Buy("p2", 10_000, "2026-05-20T20:00Z"), config, Now);
        account.Apply(Buy("p3", 10_000, "2026-05-20T22:30Z"), config, Now); // 00:30 on the 21st in Rome

        Assert.Equal(100 + 50 + 100, account.Points.LifetimeEarned);
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
                account.ApplyDueWork(Basic, now);
                Assert.Equal(account.Points.Available, account.Sum(PointsBalance.Available));
                Assert.Equal(account.Points.Pending, account.Sum(PointsBalance.Pending));
                Assert.Equal(account.Points.LifetimeEarned - account.Points.ClawedBack, account.Points.Available + account.Points.Pending);
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

        Assert.Equal(new PeriodTotals(100, 10_000, 1, At("2026-03-31T22:30Z")), account.Periods.Totals["2026-04"]);
        Assert.Equal(new PeriodTotals(50, 5_000, 1, At("2026-03-10T10:00Z")), account.Periods.Totals["2026-03"]);
        Assert.Equal(new PeriodTotals(-50, -5_000, 0, At("2026-05-02T10:00Z")), account.Periods.Totals["2026-05"]);
        Assert.Equal(new PeriodTotals(100, 10_000, 2, At("2026-05-02T10:00Z")), account.Periods.Totals[PeriodKeys.All]);
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

        Assert.Equal(inOrder.Periods.Totals[PeriodKeys.All], shuffled.Periods.Totals[PeriodKeys.All]);
        var (a, b) = (inOrder.View(Basic, Now), shuffled.View(Basic, Now));
        Assert.Equal((a.Points, a.Tier, a.Streak, a.LifetimeSpendMinor), (b.Points, b.Tier, b.Streak, b.LifetimeSpendMinor));
    }

    [Fact]
    public void An_event_with_a_negative_amount_is_refused_and_leaves_no_trace()
    {
        var account = new MemberAccount("m");
        Assert.Throws<EventNotApplicableException>(() => account.Apply(Buy("p1", -1, "2026-05-20T10:00Z"), Basic, Now));

        Assert.False(account.HasSeen("p1"));
        Assert.Equal(0, account.Version);
        Assert.Empty(account.WholeLedger);
    }

    [Fact]
    public void Every_change_raises_the_version_and_a_duplicate_does_not()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 10_000, "2026-05-20T10:00Z"), Basic, Now);
        var afterPurchase = account.Version;
        Assert.True(afterPurchase > 0);

        Assert.False(account.ApplyDueWork(Basic, Now));
        Assert.Equal(afterPurchase, account.Version);

        Assert.True(account.ApplyDueWork(Basic, At("2026-06-19T10:00Z")));
        Assert.True(account.Version > afterPurchase);
    }

    [Fact]
    public void Earnings_per_day_are_kept_only_while_the_program_caps_them()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 10_000, "2026-05-20T10:00Z"), Basic, Now);
        Assert.Empty(account.Points.EarnedByDay);

        // A cap set later counts what is earned under it.
        var capped = Basic with { MaxPointsPerDay = 120 };
        account.Apply(Buy("p2", 10_000, "2026-05-20T11:00Z"), capped, Now);
        account.Apply(Buy("p3", 10_000, "2026-05-20T12:00Z"), capped, Now);
        Assert.Equal(new Dictionary<string, long> { ["2026-05-20"] = 120 }, account.Points.EarnedByDay);
        Assert.Equal(220, account.Points.LifetimeEarned);
    }

    [Fact]
    public void The_daily_cap_is_reported_in_the_reason()
    {
        var config = Basic with { MaxPointsPerDay = 120 };
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 10_000, "2026-05-20T10:00Z"), config, Now);
        account.Apply(Buy("p2", 10_000, "2026-05-20T11:00Z"), config, Now);

        Assert.Equal("purchase p2: base 100, capped to 20", account.WholeLedger.Single(e => e.EventId == "p2" && e.Kind == LedgerKind.Earned).Reason);
    }

    [Fact]
    public void Ledger_and_period_totals_stay_consistent_on_random_histories_with_rules_and_caps()
    {
        var config = Rome with
        {
            LeaderboardRetention = new BoardRetention { Days = 3660, Weeks = 520, Months = 120 }, // nothing forgotten
            ExpiryMonths = 2,
            MaxPointsPerDay = 900,
            MaxPointsPerEvent = 400,
            EarningRules =
            [
                new EarningRule("double-shoes", new RuleCondition(Category: "shoes"), new RuleEffect(MultiplierPercent: 200), CapPoints: 150),
                new EarningRule("app", new RuleCondition(Channel: "app"), new RuleEffect(BonusPoints: 20)),
            ],
        };
        var random = new Random(11);
        for (var run = 0; run < 30; run++)
        {
            var account = new MemberAccount("m");
            var purchases = new List<string>();
            var now = At("2026-01-01T00:00Z");
            for (var i = 0; i < 80; i++)
            {
                var at = now.AddMinutes(-random.Next(0, 60 * 24 * 90));
                if (purchases.Count == 0 || random.Next(4) > 0)
                {
                    var amount = random.Next(1, 60_000);
                    PurchaseLine[] lines = random.Next(2) == 0 ? [new PurchaseLine("s", "shoes", 1, random.Next(0, amount + 1))] : [];
                    purchases.Add($"p{i}");
                    account.Apply(new Purchase($"p{i}", "m", at, amount, "GBP", lines, random.Next(3) == 0 ? "app" : "store"), config, now);
                }
                else
                {
                    var original = random.Next(3) > 0 ? purchases[random.Next(purchases.Count)] : null;
                    account.Apply(new Return($"r{i}", "m", at, random.Next(1, 60_000), "GBP", original), config, now);
                }

                now = now.AddHours(random.Next(0, 96));
                account.ApplyDueWork(config, now);
                if (random.Next(3) == 0)
                {
                    account.TakeLedger(); // as the grain does after a turn's write: numbering must go on without gaps
                    Assert.Empty(account.Ledger.Pending);
                }
            }

            Assert.Equal(account.Points.Available, account.Sum(PointsBalance.Available));
            Assert.Equal(account.Points.Pending, account.Sum(PointsBalance.Pending));
            Assert.Equal(Math.Max(0, account.Points.Available), account.Points.AvailableLots.Total);
            Assert.Equal(Enumerable.Range(1, account.WholeLedger.Count).Select(i => (long)i), account.WholeLedger.Select(e => e.Sequence));
            Assert.Equal(account.Ledger.Count, account.WholeLedger.Count);
            Assert.All(account.Points.EarnedByDay.Values, earned => Assert.InRange(earned, 0, 900));

            var all = account.Periods.Totals[PeriodKeys.All];
            foreach (var kind in Enum.GetValues<PeriodKind>())
            {
                var periods = account.Periods.Totals.Where(p => PeriodKeys.TryParse(p.Key, out var period) && period.Kind == kind).Select(p => p.Value).ToList();
                Assert.Equal(all.NetPoints, periods.Sum(m => m.NetPoints));
                Assert.Equal(all.NetSpendMinor, periods.Sum(m => m.NetSpendMinor));
                Assert.Equal(all.Purchases, periods.Sum(m => m.Purchases));
                Assert.Equal(all.ReachedAt, periods.Max(m => m.ReachedAt));
            }
            Assert.Equal(account.Points.LifetimeEarned - account.Points.ClawedBack, all.NetPoints);
            Assert.Equal(account.Purchases.LifetimeSpendMinor, all.NetSpendMinor);
        }
    }
}

using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests.Kpis;

public sealed class MemberKpisTests
{
    private static readonly DateTimeOffset Now = At("2026-06-01T12:00Z");

    [Fact]
    public void A_turn_closes_into_one_change_with_the_members_totals_and_what_happened_each_day()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 12_000, "2026-05-20T10:00Z"), Basic, Now);
        account.Apply(Buy("p2", 3_000, "2026-05-21T10:00Z"), Basic, Now);
        account.Apply(Refund("r1", 2_000, "2026-05-21T12:00Z", "p1"), Basic, Now);

        var change = account.Kpis.Close(account, Basic, Now)!;

        Assert.Null(change.From);
        var to = change.To.Counts;
        Assert.Equal((1L, 1L, 1L), (to[KpiCount.Members], to[KpiCount.Purchasers], to[KpiCount.RepeatPurchasers]));
        Assert.Equal((2L, 1L), (to[KpiCount.Purchases], to[KpiCount.Returns]));
        Assert.Equal((15_000L, 13_000L), (to[KpiCount.GrossSpendMinor], to[KpiCount.NetSpendMinor]));
        Assert.Equal((150L, 20L, 130L), (to[KpiCount.PointsIssued], to[KpiCount.PointsClawedBack], to[KpiCount.PointsOutstanding]));
        Assert.Equal(("member", "f2m2", new DateOnly(2026, 5, 21)), (change.To.Tier, change.To.Segment, change.To.LastEventDay));

        var first = change.Days[new DateOnly(2026, 5, 20)];
        var second = change.Days[new DateOnly(2026, 5, 21)];
        Assert.Equal((1L, 1L, 12_000L, 120L), (first[KpiDailyCount.NewMembers], first[KpiDailyCount.Purchases], first[KpiDailyCount.GrossSpendMinor], first[KpiDailyCount.PointsIssued]));
        Assert.Equal((0L, 1L, 1L, 2_000L), (second[KpiDailyCount.NewMembers], second[KpiDailyCount.Purchases], second[KpiDailyCount.Returns], second[KpiDailyCount.RefundedMinor]));
        Assert.Equal((30L, 20L), (second[KpiDailyCount.PointsIssued], second[KpiDailyCount.PointsClawedBack]));
        Assert.Equal([change], account.Kpis.Outbox);
    }

    [Fact]
    public void A_turn_that_changed_nothing_closes_into_no_change_and_a_repeated_event_counts_once()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 12_000, "2026-05-20T10:00Z"), Basic, Now);
        var first = account.Kpis.Close(account, Basic, Now)!;
        account.Kpis.Delivered([first.Id]);

        Assert.Equal(ApplyOutcome.Duplicate, account.Apply(Buy("p1", 12_000, "2026-05-20T10:00Z"), Basic, Now));
        Assert.Null(account.Kpis.Close(account, Basic, Now));
        Assert.Empty(account.Kpis.Outbox);
    }

    [Fact]
    public void The_next_change_starts_from_what_the_last_one_handed_and_has_a_new_id()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 12_000, "2026-05-20T10:00Z"), Basic, Now);
        var first = account.Kpis.Close(account, Basic, Now)!;
        account.Apply(Buy("p2", 100_000, "2026-05-22T10:00Z"), Basic, Now);
        var second = account.Kpis.Close(account, Basic, Now)!;

        Assert.NotEqual(first.Id, second.Id);
        Assert.Same(first.To, second.From);
        Assert.Equal("silver", second.To.Tier);
        Assert.DoesNotContain(account.MemberId, second.Id, StringComparison.Ordinal);
        Assert.Equal([first, second], account.Kpis.Outbox);
    }

    [Fact]
    public void Days_are_local_days_of_the_programs_time_zone()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 1_000, "2026-03-01T23:30Z"), Rome, Now);

        var change = account.Kpis.Close(account, Rome, Now)!;

        Assert.Equal([new DateOnly(2026, 3, 2)], change.Days.Keys);
        Assert.Equal(new DateOnly(2026, 3, 2), change.To.LastEventDay);
    }

    [Fact]
    public void A_cancelled_redemption_takes_its_points_off_redeemed_and_expiry_counts_on_its_day()
    {
        var config = Basic with { ExpiryMonths = 1, ReturnWindowDays = 0 };
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 10_000, "2026-01-05T10:00Z"), config, At("2026-01-06T00:00Z"));
        account.Redeem("red-1", "mug", 40, config, At("2026-01-07T10:00Z"));
        account.CancelRedemption("red-1", config, At("2026-01-08T10:00Z"));
        account.Redeem("red-2", "cap", 30, config, At("2026-01-09T10:00Z"));
        account.ApplyDueWork(config, Now);

        var change = account.Kpis.Close(account, config, Now)!;

        var to = change.To.Counts;
        Assert.Equal((100L, 30L, 70L, 0L), (to[KpiCount.PointsIssued], to[KpiCount.PointsRedeemed], to[KpiCount.PointsExpired], to[KpiCount.PointsOutstanding]));
        Assert.Equal(40, change.Days[new DateOnly(2026, 1, 7)][KpiDailyCount.PointsRedeemed]);
        Assert.Equal(-40, change.Days[new DateOnly(2026, 1, 8)][KpiDailyCount.PointsRedeemed]);
        Assert.Equal(0, change.Days[new DateOnly(2026, 1, 8)][KpiDailyCount.PointsAdjusted]);
        Assert.Equal(70, change.Days.Values.Sum(d => d[KpiDailyCount.PointsExpired]));
    }

    [Theory]
    [InlineData(0, 0, "f1m1")]
    [InlineData(1, 9_999, "f1m1")]
    [InlineData(2, 10_000, "f2m2")]
    [InlineData(16, 500_000, "f5m5")]
    [InlineData(5, -100, "f3m1")]
    public void Segments_step_on_the_programs_frequency_and_monetary_thresholds(long purchases, long netSpendMinor, string segment) =>
        Assert.Equal(segment, KpiSegments.Of(purchases, netSpendMinor, new RfmThresholds()));
}

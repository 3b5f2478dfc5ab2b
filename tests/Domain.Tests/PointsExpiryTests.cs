using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

public sealed class PointsExpiryTests
{
    private static readonly ProgramConfig RomeExpiring = Rome with { ExpiryMonths = 1, ReturnWindowDays = 0 };
    private static readonly TimeZoneInfo RomeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    [Theory]
    [InlineData("2026-01-31T12:00:00Z", "2026-02-28T23:00:00Z")] // 31 January + 1 month = 28 February; expires as 1 March begins in Rome
    [InlineData("2026-01-31T23:30:00Z", "2026-03-01T23:00:00Z")] // already 1 February in Rome: expires as 2 March begins
    [InlineData("2026-02-28T10:00:00Z", "2026-03-28T23:00:00Z")] // expires as 29 March begins (CET), the night clocks go forward
    [InlineData("2026-09-24T10:00:00Z", "2026-10-24T22:00:00Z")] // expires as 25 October begins (CEST), the night clocks go back
    [InlineData("2024-01-30T10:00:00Z", "2024-02-29T23:00:00Z")] // leap year: 30 January + 1 month = 29 February
    public void Points_expire_at_the_end_of_the_local_day_a_month_after_they_became_available(string availableAt, string expiresAt)
    {
        Assert.Equal(At(expiresAt), PointsExpiry.ExpiresAt(At(availableAt), RomeExpiring, RomeZone));
        Assert.Null(PointsExpiry.ExpiresAt(At(availableAt), Rome, RomeZone));
    }

    [Fact]
    public void Spending_takes_the_oldest_lot_first_and_each_lot_expires_with_a_ledger_entry_at_its_time()
    {
        var account = new MemberAccount("m");
        var jan = At("2026-01-10T10:00Z");
        account.Apply(Buy("p1", 10_000, "2026-01-10T10:00Z"), RomeExpiring, jan); // 100 points, expire 11 Feb 00:00 Rome
        account.Apply(Buy("p2", 20_000, "2026-01-20T10:00Z"), RomeExpiring, At("2026-01-20T10:00Z")); // 200, expire 21 Feb
        Assert.Equal(RedeemOutcome.Redeemed, account.Redeem("r1", "mug", 150, RomeExpiring, At("2026-01-25T10:00Z")));

        // Untouched until March: both expiries are applied on the next touch, each at its own time.
        account.ApplyDueWork(RomeExpiring, At("2026-03-05T10:00Z"));
        Assert.Equal((0L, 150L), (account.Points.Available, account.Points.Expired));
        var expired = account.WholeLedger.Where(e => e.Kind == LedgerKind.Expired).ToList();
        Assert.Equal([-150L], expired.Select(e => e.Points)); // p1's lot was spent whole; 150 of p2's left
        Assert.Equal(At("2026-02-20T23:00Z"), expired[0].OccurredAt);
        Assert.Equal(account.Points.Available, account.Sum(PointsBalance.Available));
    }

    [Fact]
    public void Points_that_come_in_repay_a_negative_balance_before_they_can_expire()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 10_000, "2026-01-10T10:00Z"), RomeExpiring, At("2026-01-10T10:00Z"));
        account.Apply(new Return("r1", "m", At("2026-01-11T10:00Z"), 30_000, "GBP", null), RomeExpiring, At("2026-01-11T10:00Z"));
        Assert.Equal(-200, account.Points.Available);
        Assert.Empty(account.Points.AvailableLots.Lots);

        account.Apply(Buy("p2", 50_000, "2026-01-12T10:00Z"), RomeExpiring, At("2026-01-12T10:00Z"));
        Assert.Equal(300, account.Points.Available);
        Assert.Equal(300, account.Points.AvailableLots.Total);

        account.ApplyDueWork(RomeExpiring, At("2026-03-01T10:00Z"));
        Assert.Equal((0L, 300L), (account.Points.Available, account.Points.Expired));
    }

    [Fact]
    public void Points_expiring_within_the_warning_window_show_as_expiring_soon()
    {
        var account = new MemberAccount("m");
        var config = RomeExpiring with { ExpiryWarningDays = 7 };
        account.Apply(Buy("p1", 10_000, "2026-01-10T10:00Z"), config, At("2026-01-10T10:00Z"));

        Assert.Null(account.View(config, At("2026-02-03T10:00Z")).Points.ExpiringSoon);
        Assert.Equal(new ExpiringPoints(100, At("2026-02-10T23:00Z")), account.View(config, At("2026-02-04T10:00Z")).Points.ExpiringSoon);
    }

    [Fact]
    public void Cancelling_a_redemption_gives_points_back_that_expire_as_if_never_spent()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 10_000, "2026-01-10T10:00Z"), RomeExpiring, At("2026-01-10T10:00Z"));
        account.Redeem("r1", "mug", 100, RomeExpiring, At("2026-01-12T10:00Z"));
        account.CancelRedemption("r1", RomeExpiring, At("2026-02-01T10:00Z"));
        Assert.Equal(At("2026-02-12T23:00Z"), account.Points.AvailableLots.NextExpiry); // from the redemption day, 12 January
    }
}

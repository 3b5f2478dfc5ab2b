using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

public sealed class AdjustmentTests
{
    private static readonly DateTimeOffset Now = At("2026-06-01T12:00Z");

    [Fact]
    public void A_credit_is_available_at_once_with_an_adjusted_ledger_entry_carrying_the_reason()
    {
        var account = new MemberAccount("m");
        Assert.Equal(AdjustOutcome.Adjusted, account.Adjust("adj-1", 300, "late delivery", Basic, Now));

        Assert.Equal((300L, 300L, 0L), (account.Points.Available, account.Points.Adjusted, account.Points.LifetimeEarned));
        var entry = Assert.Single(account.WholeLedger);
        Assert.Equal((LedgerKind.Adjusted, PointsBalance.Available, 300L, "late delivery", "adj-1", Now),
            (entry.Kind, entry.Balance, entry.Points, entry.Reason, entry.EventId, entry.OccurredAt));
        Assert.Equal(300, account.View(Basic, Now).Points.Adjusted);
    }

    [Fact]
    public void A_repeated_adjustment_id_changes_nothing_and_another_use_of_it_is_told_apart()
    {
        var account = new MemberAccount("m");
        account.Adjust("adj-1", 300, "late delivery", Basic, Now);
        var version = account.Version;

        Assert.Equal(AdjustOutcome.AlreadyAdjusted, account.Adjust("adj-1", 300, "late delivery", Basic, Now.AddHours(1)));
        Assert.Equal(AdjustOutcome.AdjustmentIdTaken, account.Adjust("adj-1", 200, "late delivery", Basic, Now));
        Assert.Equal(AdjustOutcome.AdjustmentIdTaken, account.Adjust("adj-1", 300, "another reason", Basic, Now));

        Assert.Equal((version, 300L), (account.Version, account.Points.Available));
        Assert.Single(account.WholeLedger);
    }

    [Fact]
    public void A_debit_takes_available_points_and_one_beyond_them_is_refused_changing_nothing()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 10_000, "2026-01-01T10:00Z"), Basic, Now); // 100 points, matured
        account.Apply(Buy("p2", 50_000, "2026-05-30T10:00Z"), Basic, Now); // 500 pending: never debited

        Assert.Equal(AdjustOutcome.InsufficientPoints, account.Adjust("too-much", -101, "goodwill reversed", Basic, Now));
        Assert.Null(account.Adjustments.Find("too-much"));
        Assert.Equal(AdjustOutcome.Adjusted, account.Adjust("ok", -100, "goodwill reversed", Basic, Now));

        Assert.Equal((0L, 500L, -100L), (account.Points.Available, account.Points.Pending, account.Points.Adjusted));
        Assert.Equal(account.Points.Available, account.Sum(PointsBalance.Available));
        Assert.Equal(account.Points.Pending, account.Sum(PointsBalance.Pending));
    }

    [Fact]
    public void A_credit_repays_a_negative_balance_first_and_the_rest_expires_like_earned_points()
    {
        var config = Basic with { ExpiryMonths = 1 };
        var account = new MemberAccount("m");
        account.Apply(Refund("r1", 5_000, "2026-05-01T10:00Z"), config, Now); // -50 at the base rate
        account.Adjust("adj-1", 80, "apology", config, Now);

        Assert.Equal(30, account.Points.Available);
        Assert.Equal(30, account.Points.AvailableLots.Lots.Sum(lot => lot.Points));
        account.ApplyDueWork(config, Now.AddMonths(2));
        Assert.Equal((0L, 30L), (account.Points.Available, account.Points.Expired));
    }

    [Fact]
    public void Adjustments_are_kept_for_the_retention_and_at_most_the_newest_few()
    {
        var config = Basic with { AdjustmentRetentionDays = 10 };
        var account = new MemberAccount("m");
        account.Adjust("old", 1, "r", config, Now);
        account.Adjust("new", 1, "r", config, Now.AddDays(11));
        Assert.Equal(["new"], account.Adjustments.ById.Keys);

        for (var i = 0; i < MemberAdjustments.MaxKept + 10; i++)
        {
            account.Adjust($"a{i}", 1, "r", config, Now.AddDays(11).AddSeconds(i));
        }

        Assert.Equal(MemberAdjustments.MaxKept, account.Adjustments.ById.Count);
        Assert.Contains($"a{MemberAdjustments.MaxKept + 9}", account.Adjustments.ById.Keys);
    }

    [Theory]
    [InlineData(0L, "reason")]
    [InlineData(MemberAdjustments.MaxPoints + 1, "reason")]
    [InlineData(-MemberAdjustments.MaxPoints - 1, "reason")]
    [InlineData(5L, " ")]
    public void Zero_out_of_bound_points_or_an_empty_reason_are_refused(long points, string reason)
    {
        var account = new MemberAccount("m");
        Assert.ThrowsAny<ArgumentException>(() => account.Adjust("a", points, reason, Basic, Now));
        Assert.Empty(account.Adjustments.ById);
    }
}

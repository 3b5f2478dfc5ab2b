using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

public sealed class RewardStockTests
{
    private static readonly DateTimeOffset Now = At("2026-06-01T12:00Z");

    private static RewardStock Stock(int stock, int? limit = null, string? from = null, string? to = null) => new()
    {
        Definition = new RewardDefinition
        {
            Name = "Mug", CostPoints = 50, Stock = stock, PerMemberLimit = limit,
            ValidFrom = from is null ? null : At(from), ValidTo = to is null ? null : At(to),
        },
    };

    [Fact]
    public void Stock_never_goes_below_zero_and_a_repeated_reservation_holds_one_unit()
    {
        var stock = Stock(2);
        Assert.Equal(ReserveStatus.Reserved, stock.Reserve("r1", "ann", long.MaxValue, Now).Status);
        Assert.Equal(new ReserveResult(ReserveStatus.Reserved, 50), stock.Reserve("r1", "ann", long.MaxValue, Now));
        Assert.Equal(ReserveStatus.Reserved, stock.Reserve("r2", "bob", long.MaxValue, Now).Status);
        Assert.Equal(ReserveStatus.OutOfStock, stock.Reserve("r3", "cat", long.MaxValue, Now).Status);
        Assert.Equal(0, stock.Remaining);
        Assert.Equal(ReserveStatus.RedemptionIdTaken, stock.Reserve("r1", "bob", long.MaxValue, Now).Status);
    }

    [Fact]
    public void A_member_who_cannot_pay_holds_no_unit()
    {
        var stock = Stock(1);
        Assert.Equal(new ReserveResult(ReserveStatus.InsufficientPoints, 50), stock.Reserve("r1", "ann", 49, Now));
        Assert.Equal(1, stock.Remaining);
        Assert.Equal(ReserveStatus.Reserved, stock.Reserve("r2", "bob", 50, Now).Status);
    }

    [Fact]
    public void Releasing_gives_the_unit_back_once()
    {
        var stock = Stock(2, limit: 1);
        stock.Reserve("r1", "ann", long.MaxValue, Now);
        Assert.Equal(ReserveStatus.LimitReached, stock.Reserve("r2", "ann", long.MaxValue, Now).Status);
        Assert.True(stock.Release("r1"));
        Assert.False(stock.Release("r1"));
        Assert.Equal(2, stock.Remaining);
        Assert.Equal(ReserveStatus.Reserved, stock.Reserve("r2", "ann", long.MaxValue, Now).Status);
    }

    [Fact]
    public void A_reward_is_redeemable_only_inside_its_window()
    {
        var stock = Stock(5, from: "2026-06-01T12:00Z", to: "2026-07-01T00:00Z");
        Assert.Equal(ReserveStatus.NotValidNow, stock.Reserve("early", "ann", long.MaxValue, Now.AddTicks(-1)).Status);
        Assert.Equal(ReserveStatus.Reserved, stock.Reserve("first", "ann", long.MaxValue, Now).Status);
        Assert.Equal(ReserveStatus.NotValidNow, stock.Reserve("late", "ann", long.MaxValue, At("2026-07-01T00:00Z")).Status);
    }

    [Fact]
    public void Holds_never_completed_are_found_for_settling()
    {
        var stock = Stock(5);
        stock.Reserve("paid", "ann", long.MaxValue, Now);
        stock.Reserve("stuck", "bob", long.MaxValue, Now);
        stock.Complete("paid");
        Assert.Equal(["stuck"], stock.Unfinished(Now.AddMinutes(2), TimeSpan.FromMinutes(1)).Select(u => u.RedemptionId));
        Assert.Empty(stock.Unfinished(Now.AddSeconds(30), TimeSpan.FromMinutes(1)));
    }

    [Theory]
    [InlineData("", 10, 1, "name")]
    [InlineData("Mug", 0, 1, "costPoints")]
    [InlineData("Mug", 10, -1, "stock")]
    public void Definitions_are_validated_field_by_field(string name, long cost, int stock, string field)
    {
        var errors = new RewardDefinition { Name = name, CostPoints = cost, Stock = stock }.Validate();
        Assert.Equal(field, Assert.Single(errors).Field);
    }
}

public sealed class MemberAccountRedemptionTests
{
    private static readonly DateTimeOffset Now = At("2026-06-01T12:00Z");

    private static MemberAccount WithPoints()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("old", 10_000, "2026-01-10T10:00Z"), Basic, Now); // 100 points, matured
        account.Apply(Buy("new", 5_000, "2026-05-30T10:00Z"), Basic, Now); // 50 points, still pending
        return account;
    }

    [Fact]
    public void Only_available_points_are_spent_and_never_below_zero()
    {
        var account = WithPoints();
        Assert.Equal((100, 50), (account.Points.Available, account.Points.Pending));
        Assert.Equal(RedeemOutcome.InsufficientPoints, account.Redeem("r1", "tv", 120, Basic, Now));
        Assert.Equal(RedeemOutcome.Redeemed, account.Redeem("r2", "mug", 100, Basic, Now));
        Assert.Equal((0, 50, 100), (account.Points.Available, account.Points.Pending, account.Points.Redeemed));
        Assert.Equal(RedeemOutcome.InsufficientPoints, account.Redeem("r3", "pen", 1, Basic, Now));
        Assert.Equal(-100, account.WholeLedger[^1].Points);
        Assert.Equal(LedgerKind.Redeemed, account.WholeLedger[^1].Kind);
    }

    [Fact]
    public void A_repeated_redemption_changes_nothing_and_a_cancellation_gives_the_points_back_once()
    {
        var account = WithPoints();
        account.Redeem("r1", "mug", 60, Basic, Now);
        Assert.Equal(RedeemOutcome.AlreadyRedeemed, account.Redeem("r1", "mug", 60, Basic, Now));
        Assert.Equal(RedeemOutcome.RedemptionIdTaken, account.Redeem("r1", "tv", 60, Basic, Now));
        Assert.Equal(40, account.Points.Available);

        Assert.True(account.CancelRedemption("r1", Basic, Now));
        Assert.True(account.CancelRedemption("r1", Basic, Now));
        Assert.False(account.CancelRedemption("nope", Basic, Now));
        Assert.Equal((100, 0), (account.Points.Available, account.Points.Redeemed));
        Assert.Equal(account.Points.Available, account.Sum(PointsBalance.Available));
    }
}

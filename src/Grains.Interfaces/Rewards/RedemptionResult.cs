namespace Loyalty.Grains.Interfaces.Rewards;

public enum RedemptionStatus
{
    Redeemed,
    AlreadyRedeemed,
    Cancelled,
    MemberNotFound,
    RewardNotFound,
    RedemptionNotFound,
    OutOfStock,
    LimitReached,
    NotValidNow,
    InsufficientPoints,
    RedemptionIdTaken,
}

/// <summary>What became of a redemption request; the redemption itself when there is one.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.redemption-result")]
public sealed record RedemptionResult(
    [property: Id(0)] RedemptionStatus Status,
    [property: Id(1)] string RedemptionId,
    [property: Id(2)] string? RewardId,
    [property: Id(3)] long Points,
    [property: Id(4)] DateTimeOffset? RedeemedAt,
    [property: Id(5)] DateTimeOffset? CancelledAt);

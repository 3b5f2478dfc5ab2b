using Loyalty.Grains.Interfaces.Rewards;

namespace Loyalty.Gateway.Rewards;

/// <summary>A reward of the catalogue on the wire, mapped here from the reward grain's snapshot.</summary>
public sealed record RewardResponse(
    string Name, long CostPoints, int Stock, int? PerMemberLimit, DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo, int Remaining, int Version)
{
    public static RewardResponse From(RewardSnapshot r) =>
        new(r.Name, r.CostPoints, r.Stock, r.PerMemberLimit, r.ValidFrom, r.ValidTo, r.Remaining, r.Version);
}

/// <summary>A page of the catalogue, in id order.</summary>
public sealed record RewardList(int Total, int Offset, IReadOnlyList<RewardListItem> Items);

public sealed record RewardListItem(
    string RewardId, string Name, long CostPoints, int Stock, int? PerMemberLimit, DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo, int Remaining, int Version)
{
    public static RewardListItem From(string rewardId, RewardSnapshot r) =>
        new(rewardId, r.Name, r.CostPoints, r.Stock, r.PerMemberLimit, r.ValidFrom, r.ValidTo, r.Remaining, r.Version);
}

/// <summary>What a redemption is: redeemed (alreadyRedeemed when a repeated request found it), or cancelled.</summary>
public enum RedemptionState
{
    Redeemed,
    AlreadyRedeemed,
    Cancelled,
}

/// <summary>One redemption on the wire, mapped here from the member grain's result.</summary>
public sealed record RedemptionResponse(
    RedemptionState Status, string RedemptionId, string? RewardId, long Points, DateTimeOffset? RedeemedAt, DateTimeOffset? CancelledAt)
{
    /// <summary>Only a result that holds a redemption maps; the others are answered as problems.</summary>
    public static RedemptionResponse From(RedemptionResult result) => new(
        result.Status switch
        {
            RedemptionStatus.Redeemed => RedemptionState.Redeemed,
            RedemptionStatus.AlreadyRedeemed => RedemptionState.AlreadyRedeemed,
            RedemptionStatus.Cancelled => RedemptionState.Cancelled,
            _ => throw new ArgumentException($"A {result.Status} result holds no redemption.", nameof(result)),
        },
        result.RedemptionId,
        result.RewardId,
        result.Points,
        result.RedeemedAt,
        result.CancelledAt);
}

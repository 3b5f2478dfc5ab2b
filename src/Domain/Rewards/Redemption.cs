namespace Loyalty.Domain;

/// <summary>Points a member spent on a reward; cancelling gives them back.</summary>
public sealed record Redemption(string RewardId, long Points, DateTimeOffset RedeemedAt, DateTimeOffset? CancelledAt);

public enum RedeemOutcome
{
    Redeemed,
    AlreadyRedeemed,
    InsufficientPoints,
    RedemptionIdTaken,
}

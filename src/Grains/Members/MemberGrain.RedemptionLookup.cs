using Loyalty.Grains.Interfaces.Rewards;

namespace Loyalty.Grains.Members;

/// <summary>Reading one redemption back, as its 201's Location promises; reads never write state.</summary>
public sealed partial class MemberGrain
{
    public Task<RedemptionResult?> GetRedemption(string redemptionId) =>
        Task.FromResult(state.State.Redemptions.Find(redemptionId) is { } redemption
            ? Result(redemption.CancelledAt is null ? RedemptionStatus.Redeemed : RedemptionStatus.Cancelled, redemptionId, redemption)
            : null);
}

using Loyalty.Domain;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Rewards;
using Loyalty.Client.Telemetry;

namespace Loyalty.Grains.Members;

/// <summary>
/// Redemption: the reward holds a unit first, then the member pays from available points and the reward completes
/// the hold; if the member cannot pay, the unit goes back. The member's own record of the redemption is what a
/// reward settling an unfinished hold asks about, so a crash at any step ends in both moved or neither.
/// </summary>
public sealed partial class MemberGrain
{
    public async Task<RedemptionResult> Redeem(string redemptionId, string rewardId)
    {
        var result = await TryRedeem(redemptionId, rewardId);
        LoyaltyMetrics.CountRedemption(programId, result.Status);
        return result;
    }

    private async Task<RedemptionResult> TryRedeem(string redemptionId, string rewardId)
    {
        if (!state.RecordExists)
        {
            return Result(RedemptionStatus.MemberNotFound, redemptionId);
        }

        if (state.State.Redemptions.Find(redemptionId) is { } earlier)
        {
            return earlier.RewardId == rewardId
                ? Result(RedemptionStatus.AlreadyRedeemed, redemptionId, earlier)
                : Result(RedemptionStatus.RedemptionIdTaken, redemptionId);
        }

        var rules = await RequireRules();
        var reward = GrainFactory.GetGrain<IRewardGrain>(GrainKeys.Reward(programId, rewardId));
        var now = clock.GetUtcNow();
        state.State.ApplyDueWork(rules.Config, now); // matured points count; stored with the next write, as on any touch
        var reservation = await reward.Reserve(redemptionId, memberId, state.State.Points.Available);
        if (reservation.Status != ReservationStatus.Reserved)
        {
            return Result(reservation.Status switch
            {
                ReservationStatus.NotFound => RedemptionStatus.RewardNotFound,
                ReservationStatus.OutOfStock => RedemptionStatus.OutOfStock,
                ReservationStatus.LimitReached => RedemptionStatus.LimitReached,
                ReservationStatus.NotValidNow => RedemptionStatus.NotValidNow,
                ReservationStatus.InsufficientPoints => RedemptionStatus.InsufficientPoints,
                _ => RedemptionStatus.RedemptionIdTaken,
            }, redemptionId);
        }

        var outcome = state.State.Redeem(redemptionId, rewardId, reservation.CostPoints, rules.Config, now);
        if (outcome != RedeemOutcome.Redeemed)
        {
            await reward.Release(redemptionId);
            return Result(RedemptionStatus.InsufficientPoints, redemptionId);
        }

        await Persist();
        if (!await reward.Complete(redemptionId))
        {
            // The reward settled this hold as abandoned while we were paying: give the points back.
            state.State.CancelRedemption(redemptionId, rules.Config, clock.GetUtcNow());
            await Persist();
            return Result(RedemptionStatus.OutOfStock, redemptionId);
        }

        return Result(RedemptionStatus.Redeemed, redemptionId, state.State.Redemptions.Find(redemptionId));
    }

    public async Task<RedemptionResult> CancelRedemption(string redemptionId)
    {
        if (state.State.Redemptions.Find(redemptionId) is not { } redemption)
        {
            return Result(RedemptionStatus.RedemptionNotFound, redemptionId);
        }

        if (redemption.CancelledAt is null)
        {
            var rules = await RequireRules();
            state.State.CancelRedemption(redemptionId, rules.Config, clock.GetUtcNow());
            await Persist();
            LoyaltyMetrics.RedemptionsCancelled.Add(1, LoyaltyMetrics.ProgramTag(programId));
        }

        // Repeated on every request, so a cancellation interrupted after the points came back still frees the unit.
        await GrainFactory.GetGrain<IRewardGrain>(GrainKeys.Reward(programId, redemption.RewardId)).Release(redemptionId);
        return Result(RedemptionStatus.Cancelled, redemptionId, state.State.Redemptions.Find(redemptionId));
    }

    public Task<bool> HasRedemption(string redemptionId) =>
        Task.FromResult(state.State.Redemptions.Find(redemptionId) is { CancelledAt: null });

    private static RedemptionResult Result(RedemptionStatus status, string redemptionId, Redemption? redemption = null) =>
        new(status, redemptionId, redemption?.RewardId, redemption?.Points ?? 0, redemption?.RedeemedAt, redemption?.CancelledAt);
}

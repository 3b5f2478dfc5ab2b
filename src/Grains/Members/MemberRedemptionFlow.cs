using Loyalty.Domain;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Rewards;

namespace Loyalty.Grains.Members;

/// <summary>
/// Redemption: the reward holds a unit first, then the member pays from available points and the reward completes
/// the hold; if the member cannot pay, the unit goes back. The member's own record of the redemption is what a
/// reward settling an unfinished hold asks about, so a crash at any step ends in both moved or neither.
/// </summary>
/// <param name="requireRules">The program's rules; fails when the program is not configured.</param>
/// <param name="persist">Stores the member's state in one write.</param>
internal sealed class MemberRedemptionFlow(
    IGrainFactory grains, TimeProvider clock, string programId, string memberId,
    Func<Task<ProgramRules>> requireRules, Func<Task> persist)
{
    /// <param name="account">The member, or null for a member never stored.</param>
    public async Task<RedemptionResult> Redeem(MemberAccount? account, string redemptionId, string rewardId)
    {
        var result = await TryRedeem(account, redemptionId, rewardId);
        LoyaltyMetrics.CountRedemption(programId, result.Status);
        return result;
    }

    public async Task<RedemptionResult> Cancel(MemberAccount account, string redemptionId)
    {
        if (account.Redemptions.Find(redemptionId) is not { } redemption)
        {
            return Result(RedemptionStatus.RedemptionNotFound, redemptionId);
        }

        if (redemption.CancelledAt is null)
        {
            var rules = await requireRules();
            account.CancelRedemption(redemptionId, rules.Config, clock.GetUtcNow());
            await persist();
            LoyaltyMetrics.RedemptionsCancelled.Add(1, LoyaltyMetrics.ProgramTag(programId));
        }

        // Repeated on every request, so a cancellation interrupted after the points came back still frees the unit.
        await Reward(redemption.RewardId).Release(redemptionId);
        return Result(RedemptionStatus.Cancelled, redemptionId, account.Redemptions.Find(redemptionId));
    }

    /// <summary>A redemption as the member holds it, or null when it holds none of that id.</summary>
    public static RedemptionResult? Find(MemberAccount account, string redemptionId) =>
        account.Redemptions.Find(redemptionId) is { } redemption
            ? Result(redemption.CancelledAt is null ? RedemptionStatus.Redeemed : RedemptionStatus.Cancelled, redemptionId, redemption)
            : null;

    private async Task<RedemptionResult> TryRedeem(MemberAccount? account, string redemptionId, string rewardId)
    {
        if (account is null)
        {
            return Result(RedemptionStatus.MemberNotFound, redemptionId);
        }

        if (account.Redemptions.Find(redemptionId) is { } earlier)
        {
            return earlier.RewardId == rewardId
                ? Result(RedemptionStatus.AlreadyRedeemed, redemptionId, earlier)
                : Result(RedemptionStatus.RedemptionIdTaken, redemptionId);
        }

        var rules = await requireRules();
        var reward = Reward(rewardId);
        var now = clock.GetUtcNow();
        account.ApplyDueWork(rules.Config, now); // matured points count; stored with the next write, as on any touch
        var reservation = await reward.Reserve(redemptionId, memberId, account.Points.Available);
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

        if (account.Redeem(redemptionId, rewardId, reservation.CostPoints, rules.Config, now) != RedeemOutcome.Redeemed)
        {
            await reward.Release(redemptionId);
            return Result(RedemptionStatus.InsufficientPoints, redemptionId);
        }

        await persist();
        if (!await reward.Complete(redemptionId))
        {
            // The reward settled this hold as abandoned while we were paying: give the points back.
            account.CancelRedemption(redemptionId, rules.Config, clock.GetUtcNow());
            await persist();
            return Result(RedemptionStatus.OutOfStock, redemptionId);
        }

        return Result(RedemptionStatus.Redeemed, redemptionId, account.Redemptions.Find(redemptionId));
    }

    private IRewardGrain Reward(string rewardId) => grains.GetGrain<IRewardGrain>(GrainKeys.Reward(programId, rewardId));

    private static RedemptionResult Result(RedemptionStatus status, string redemptionId, Redemption? redemption = null) =>
        new(status, redemptionId, redemption?.RewardId, redemption?.Points ?? 0, redemption?.RedeemedAt, redemption?.CancelledAt);
}

using System.Collections.Immutable;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Challenges;
using Loyalty.Grains.Interfaces.DeadLetters;
using Loyalty.Grains.Interfaces.Leaderboards;
using Loyalty.Grains.Interfaces.Members;
using Loyalty.Grains.Interfaces.Notifications;
using Loyalty.Grains.Interfaces.Referrals;
using Loyalty.Grains.Interfaces.Rewards;

namespace Loyalty.Grains.Members;

/// <summary>
/// Forgets a member everywhere it is named, reading the state to find where, so the state goes last: a failure on the
/// way leaves the state in place and the erasure is simply asked again. Every step is safe to repeat. What other
/// grains count about the member (challenge places, issued reward units) stays, without the member's name.
/// </summary>
internal sealed class MemberErasure(IGrainFactory grains, ILedgerStore ledgerStore, int notificationSlices, string programId, string memberId)
{
    /// <summary>Everything but the member's own state, which the caller clears once this completes.</summary>
    public async Task ForgetElsewhere(MemberAccount account, ProgramRules rules)
    {
        var challengeIds = MemberBoards.ChallengeIds(account, rules);

        // Newer than every score the member published, so a copy still buffered somewhere cannot put them back.
        var erasure = ScoreUpdate.Erasure(memberId, account.Version + 1);
        ImmutableArray<BoardScoreUpdate> offBoards = [.. MemberBoards.Keys(programId, account, challengeIds).Select(key => new BoardScoreUpdate(key.GrainKey, erasure))];
        await Task.WhenAll(
            grains.GetGrain<ILeaderboardBuffer>(0).SubmitAndWait(offBoards),
            ledgerStore.Erase(programId, memberId),
            ForgetReferralCode(account),
            ForgetReferralLinks(account),
            grains.GetGrain<INotificationOutboxGrain>(GrainKeys.NotificationOutbox(programId, StableBucket.Of(memberId, notificationSlices))).ForgetMember(memberId),
            grains.GetGrain<IDeadLetterGrain>(programId).ForgetMember(memberId),
            Task.WhenAll(challengeIds.Select(id => grains.GetGrain<IChallengeGrain>(GrainKeys.Challenge(programId, id)).ForgetMember(memberId))),
            Task.WhenAll(account.Redemptions.ById.Values.Select(r => r.RewardId).Distinct(StringComparer.Ordinal)
                .Select(id => grains.GetGrain<IRewardGrain>(GrainKeys.Reward(programId, id)).ForgetMember(memberId))));
    }

    /// <summary>The member's referrer and the referees credited to them forget the link.</summary>
    private Task ForgetReferralLinks(MemberAccount account) => Task.WhenAll(
        account.Referral.CreditedReferees.Append(account.Referral.ReferredBy).OfType<string>().Distinct(StringComparer.Ordinal)
            .Select(other => grains.GetGrain<IMemberGrain>(GrainKeys.Member(programId, other)).ForgetReferralWith(memberId)));

    private Task ForgetReferralCode(MemberAccount account) => account.Referral.Code is { } code
        ? grains.GetGrain<IReferralCodeGrain>(GrainKeys.ReferralCode(programId, code)).Release(memberId)
        : Task.CompletedTask;
}

using System.Collections.Immutable;
using Loyalty.Grains.Interfaces.Events;
using Loyalty.Grains.Interfaces.Referrals;
using Loyalty.Grains.Interfaces.Rewards;
using Orleans.Concurrency;

namespace Loyalty.Grains.Interfaces.Members;

/// <summary>
/// One member of one program (key <c>{program}/{member}</c>). It receives its events from the consumer of its
/// member-events partition and is the single authority on which events it has applied: a redelivered or resent
/// event changes nothing.
/// </summary>
public interface IMemberGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies events in order through the rule book and persists once; completes only when the effect is stored
    /// (and, where the stream is durable, the member's scores too), so the stream entry may then be acknowledged.
    /// </summary>
    Task ApplyEvents(ImmutableArray<MemberEvent> events);

    /// <summary>The member's current view, or null for a member never seen.</summary>
    Task<MemberSnapshot?> GetSnapshot();

    /// <summary>
    /// Spends available points on a reward: one unit of stock is held first, then the points are debited, or the
    /// unit is given back; both move or neither. A repeated redemption id answers the first outcome.
    /// </summary>
    Task<RedemptionResult> Redeem(string redemptionId, string rewardId);

    /// <summary>Gives a redemption's points back, then its unit of stock; safe to repeat.</summary>
    Task<RedemptionResult> CancelRedemption(string redemptionId);

    /// <summary>Whether this member paid for the redemption; asked by a reward settling an unfinished one.</summary>
    [AlwaysInterleave]
    Task<bool> HasRedemption(string redemptionId);

    /// <summary>The code this member invites with, made on first request; null for a member never seen.</summary>
    Task<string?> GetReferralCode();

    /// <summary>Joins the member who owns the code as this member's referrer (before this member's first purchase).</summary>
    Task<ReferralStatus> JoinReferral(string code);

    /// <summary>Who referred this member, if anyone; read while walking a referral chain.</summary>
    [AlwaysInterleave]
    Task<string?> GetReferredBy();

    /// <summary>
    /// Credits this member's referrer bonus for the referee's qualifying purchase; once per referee. A referrer no
    /// longer stored (erased) is not credited, so it is not started again.
    /// </summary>
    Task CreditReferral(string refereeId, DateTimeOffset qualifiedAt);

    /// <summary>Forgets an erased member as this member's referrer or credited referee; a member never seen stays unseen.</summary>
    Task ForgetReferralWith(string erasedMemberId);

    /// <summary>A page of the ledger, newest first.</summary>
    Task<LedgerPage> GetLedger(int offset, int limit);

    /// <summary>Sets or clears the birth date (validated by the caller); a member never seen starts to exist.</summary>
    Task<MemberSnapshot> SetBirthDate(DateOnly? birthDate);

    /// <summary>One redemption as it stands (redeemed or cancelled), or null when this member has none by that id.</summary>
    [ReadOnly]
    Task<RedemptionResult?> GetRedemption(string redemptionId);

    /// <summary>
    /// Those of <paramref name="eventIds"/> that are not purchases a return of this member may still name; a return
    /// naming one is reversed at the base rate. Reads only: a member never seen is not created.
    /// </summary>
    [AlwaysInterleave]
    Task<ImmutableArray<string>> UnknownPurchases(ImmutableArray<string> eventIds);

    /// <summary>Everything held on the member, for their own copy; null for a member never seen. Reads only.</summary>
    Task<MemberRecord?> Export();

    /// <summary>
    /// Forgets the member everywhere: state, ledger, board entries of every kept period and challenge, referral code,
    /// queued notifications, dead letters, due time; names in challenge placements and reward holds become anonymous.
    /// Safe to repeat; a later event starts a new member.
    /// </summary>
    Task Erase();

    /// <summary>
    /// An admin's manual adjustment of available points (a credit, or a debit of at most the available balance),
    /// written to the ledger as adjusted with its reason; a repeated adjustment id answers the first outcome.
    /// </summary>
    Task<AdjustmentResult> Adjust(string adjustmentId, long points, string reason);

    /// <summary>Applies the time-driven work due now (maturing, expiry, notices, a birthday) and stores it; sets the next due time.</summary>
    Task Wake();
}

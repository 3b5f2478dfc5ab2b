using System.Collections.Immutable;
using Loyalty.Grains.Interfaces.Challenges;
using Loyalty.Grains.Interfaces.DeadLetters;
using Loyalty.Grains.Interfaces.Notifications;
using Loyalty.Grains.Interfaces.Rewards;

namespace Loyalty.Grains.Interfaces.Members;

/// <summary>
/// Everything the program holds on one member, for the member's own copy: the state as stored (every field of the
/// stored form, the events it remembers included), the view, the whole kept ledger, their standings on every kept
/// board, and what other grains hold about them.
/// </summary>
[GenerateSerializer, Immutable, Alias("loyalty.member-record")]
public sealed record MemberRecord(
    [property: Id(0)] string StoredState,
    [property: Id(1)] MemberSnapshot View,
    [property: Id(2)] ImmutableArray<LedgerLine> Ledger,
    [property: Id(3)] ImmutableArray<BoardStanding> Boards,
    [property: Id(4)] ImmutableArray<Notification> QueuedNotifications,
    [property: Id(5)] ImmutableArray<DeadLetter> DeadLetters,
    [property: Id(6)] ImmutableArray<ChallengeCompletion> ChallengeCompletions,
    [property: Id(7)] ReferralRecord Referral,
    [property: Id(8)] ImmutableArray<RedemptionResult> Redemptions);

/// <summary>The member's side of referrals: their code, who referred them, and the referees credited to them.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.referral-record")]
public sealed record ReferralRecord(
    [property: Id(0)] string? Code,
    [property: Id(1)] string? ReferredBy,
    [property: Id(2)] DateTimeOffset? QualifiedAt,
    [property: Id(3)] ImmutableArray<string> CreditedReferees);

/// <summary>A member's place on one board in one period.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.board-standing")]
public sealed record BoardStanding(
    [property: Id(0)] string Board,
    [property: Id(1)] string Period,
    [property: Id(2)] int Rank,
    [property: Id(3)] long Score);

using System.Collections.Immutable;
using Loyalty.Grains.Interfaces.Notifications;

namespace Loyalty.Grains.Interfaces.Members;

[GenerateSerializer, Immutable, Alias("loyalty.member-snapshot")]
public sealed record MemberSnapshot(
    [property: Id(0)] string MemberId,
    [property: Id(1)] PointsSnapshot Points,
    [property: Id(2)] long LifetimeSpendMinor,
    [property: Id(3)] TierSnapshot Tier,
    [property: Id(4)] StreakSnapshot Streak,
    [property: Id(5)] ImmutableArray<BadgeSnapshot> Badges,
    [property: Id(6)] ImmutableArray<ChallengeSnapshot> Challenges,
    [property: Id(7)] ImmutableArray<Notification> Notifications,
    [property: Id(8)] RulesSnapshot Rules,
    [property: Id(9)] RfmSnapshot? Rfm,
    [property: Id(10)] DateOnly? BirthDate,
    [property: Id(11)] EngagementSnapshot? Engagement = null,
    [property: Id(12)] ImmutableArray<SurveySnapshot> Surveys = default);

/// <summary>Engagements of every kind, per kind (the first kinds seen, bounded), and the newest one's event time.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.engagement-snapshot")]
public sealed record EngagementSnapshot(
    [property: Id(0)] long Total,
    [property: Id(1)] ImmutableDictionary<string, long> ByKind,
    [property: Id(2)] DateTimeOffset? LastAt);

/// <summary>The newest answer to one survey kind (nps, csat or ces) by event time, and how many answers the member gave.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.survey-snapshot")]
public sealed record SurveySnapshot(
    [property: Id(0)] string Survey,
    [property: Id(1)] int Score,
    [property: Id(2)] DateTimeOffset AnsweredAt,
    [property: Id(3)] long Responses);

/// <summary>Recency, frequency and monetary scores, 1 (lowest) to 5 (best); null before a first purchase.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.rfm-snapshot")]
public sealed record RfmSnapshot([property: Id(0)] int Recency, [property: Id(1)] int Frequency, [property: Id(2)] int Monetary);

[GenerateSerializer, Immutable, Alias("loyalty.points-snapshot")]
public sealed record PointsSnapshot(
    [property: Id(0)] long Available,
    [property: Id(1)] long Pending,
    [property: Id(2)] long LifetimeEarned,
    [property: Id(3)] long ClawedBack,
    [property: Id(4)] long Redeemed,
    [property: Id(5)] long Expired,
    [property: Id(6)] ExpiringPointsSnapshot? ExpiringSoon,
    [property: Id(7)] long Adjusted = 0);

/// <summary>Available points that expire within the program's warning window, and when the first of them do.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.expiring-points-snapshot")]
public sealed record ExpiringPointsSnapshot([property: Id(0)] long Points, [property: Id(1)] DateTimeOffset FirstAt);

[GenerateSerializer, Immutable, Alias("loyalty.tier-snapshot")]
public sealed record TierSnapshot(
    [property: Id(0)] string Current,
    [property: Id(1)] string? Next,
    [property: Id(2)] long QualifyingSpendMinor,
    [property: Id(3)] long? NextThresholdMinor);

[GenerateSerializer, Immutable, Alias("loyalty.streak-snapshot")]
public sealed record StreakSnapshot(
    [property: Id(0)] string Unit,
    [property: Id(1)] int Current,
    [property: Id(2)] int Best,
    [property: Id(3)] int FreezeTokens);

[GenerateSerializer, Immutable, Alias("loyalty.badge-snapshot")]
public sealed record BadgeSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset AwardedAt);

/// <summary>Progress in a challenge as a fraction (0 to 1), with the value behind it; placement once completed.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.challenge-snapshot")]
public sealed record ChallengeSnapshot(
    [property: Id(0)] string ChallengeId,
    [property: Id(1)] decimal Progress,
    [property: Id(2)] long Value,
    [property: Id(3)] long Target,
    [property: Id(4)] DateTimeOffset? CompletedAt,
    [property: Id(5)] int? Position,
    [property: Id(6)] bool Winner);

/// <summary>Which rules applied: the program version the newest event was judged by, and the newest purchase's earning.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.rules-snapshot")]
public sealed record RulesSnapshot([property: Id(0)] int ProgramVersion, [property: Id(1)] EarningSnapshot? LastPurchase);

/// <summary>A purchase's points: the base, each rule or offer with the points it added, the total, and whether a cap cut it.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.earning-snapshot")]
public sealed record EarningSnapshot(
    [property: Id(0)] string EventId,
    [property: Id(1)] DateTimeOffset OccurredAt,
    [property: Id(2)] long BasePoints,
    [property: Id(3)] ImmutableArray<AppliedRuleSnapshot> Applied,
    [property: Id(4)] long Total,
    [property: Id(5)] bool Capped);

[GenerateSerializer, Immutable, Alias("loyalty.applied-rule-snapshot")]
public sealed record AppliedRuleSnapshot([property: Id(0)] string RuleId, [property: Id(1)] long Points, [property: Id(2)] string Kind);

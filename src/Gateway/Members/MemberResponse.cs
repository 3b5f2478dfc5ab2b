using Loyalty.Grains.Interfaces.Members;
using Loyalty.Grains.Interfaces.Notifications;

namespace Loyalty.Gateway.Members;

/// <summary>
/// The member view on the wire. It is the gateway's own, mapped here from the member grain's snapshot, so the grain
/// contract can change without changing what clients read.
/// </summary>
public sealed record MemberResponse(
    string MemberId,
    PointsResponse Points,
    long LifetimeSpendMinor,
    TierResponse Tier,
    StreakResponse Streak,
    IReadOnlyList<BadgeResponse> Badges,
    IReadOnlyList<ChallengeProgressResponse> Challenges,
    IReadOnlyList<NotificationResponse> Notifications,
    RulesResponse Rules,
    RfmResponse? Rfm,
    DateOnly? BirthDate,
    EngagementResponse Engagement,
    IReadOnlyList<SurveyResponse> Surveys)
{
    public static MemberResponse From(MemberSnapshot member) => new(
        member.MemberId,
        PointsResponse.From(member.Points),
        member.LifetimeSpendMinor,
        new TierResponse(member.Tier.Current, member.Tier.Next, member.Tier.QualifyingSpendMinor, member.Tier.NextThresholdMinor),
        new StreakResponse(member.Streak.Unit, member.Streak.Current, member.Streak.Best, member.Streak.FreezeTokens),
        [.. member.Badges.Select(badge => new BadgeResponse(badge.Id, badge.AwardedAt))],
        [.. member.Challenges.Select(ChallengeProgressResponse.From)],
        [.. member.Notifications.Select(NotificationResponse.From)],
        RulesResponse.From(member.Rules),
        member.Rfm is { } rfm ? new RfmResponse(rfm.Recency, rfm.Frequency, rfm.Monetary) : null,
        member.BirthDate,
        member.Engagement is { } engagement
            ? new EngagementResponse(engagement.Total, engagement.ByKind, engagement.LastAt)
            : new EngagementResponse(0, new Dictionary<string, long>(), null),
        member.Surveys.IsDefault ? [] : [.. member.Surveys.Select(s => new SurveyResponse(s.Survey, s.Score, s.AnsweredAt, s.Responses))]);
}

/// <summary>Engagements of every kind, per kind, and when the newest happened.</summary>
public sealed record EngagementResponse(long Total, IReadOnlyDictionary<string, long> ByKind, DateTimeOffset? LastAt);

/// <summary>The newest answer to one survey (nps, csat or ces) by event time, and how many answers the member gave.</summary>
public sealed record SurveyResponse(string Survey, int Score, DateTimeOffset AnsweredAt, long Responses);

/// <param name="Adjusted">The net of manual adjustments: credits less debits.</param>
public sealed record PointsResponse(
    long Available, long Pending, long LifetimeEarned, long ClawedBack, long Redeemed, long Expired, ExpiringPointsResponse? ExpiringSoon, long Adjusted)
{
    public static PointsResponse From(PointsSnapshot points) => new(
        points.Available, points.Pending, points.LifetimeEarned, points.ClawedBack, points.Redeemed, points.Expired,
        points.ExpiringSoon is { } soon ? new ExpiringPointsResponse(soon.Points, soon.FirstAt) : null, points.Adjusted);
}

/// <summary>Available points that expire within the program's warning window, and when the first of them do.</summary>
public sealed record ExpiringPointsResponse(long Points, DateTimeOffset FirstAt);

public sealed record TierResponse(string Current, string? Next, long QualifyingSpendMinor, long? NextThresholdMinor);

public sealed record StreakResponse(string Unit, int Current, int Best, int FreezeTokens);

public sealed record BadgeResponse(string Id, DateTimeOffset AwardedAt);

/// <summary>Recency, frequency and monetary scores, 1 (lowest) to 5 (best).</summary>
public sealed record RfmResponse(int Recency, int Frequency, int Monetary);

/// <summary>Progress in a challenge as a fraction (0 to 1), with the value behind it; placement once completed.</summary>
public sealed record ChallengeProgressResponse(
    string ChallengeId, decimal Progress, long Value, long Target, DateTimeOffset? CompletedAt, int? Position, bool Winner)
{
    public static ChallengeProgressResponse From(ChallengeSnapshot challenge) => new(
        challenge.ChallengeId, challenge.Progress, challenge.Value, challenge.Target, challenge.CompletedAt, challenge.Position, challenge.Winner);
}

/// <summary>A recent notification: kind is tierUp, badgeEarned, challengeCompleted or pointsExpiringSoon.</summary>
public sealed record NotificationResponse(
    string Id, string ProgramId, string MemberId, string Kind, DateTimeOffset OccurredAt,
    string? Tier, string? Badge, string? Challenge, long? Points, DateTimeOffset? ExpiresAt)
{
    public static NotificationResponse From(Notification n) => new(
        n.Id, n.ProgramId, n.MemberId, n.Kind, n.OccurredAt, n.Tier, n.Badge, n.Challenge, n.Points, n.ExpiresAt);
}

/// <summary>Which rules applied: the program version the newest event was judged by, and the newest purchase's earning.</summary>
public sealed record RulesResponse(int ProgramVersion, EarningResponse? LastPurchase)
{
    public static RulesResponse From(RulesSnapshot rules) => new(
        rules.ProgramVersion,
        rules.LastPurchase is { } last
            ? new EarningResponse(last.EventId, last.OccurredAt, last.BasePoints,
                [.. last.Applied.Select(rule => new AppliedRuleResponse(rule.RuleId, rule.Points, rule.Kind))], last.Total, last.Capped)
            : null);
}

public sealed record EarningResponse(
    string EventId, DateTimeOffset OccurredAt, long BasePoints, IReadOnlyList<AppliedRuleResponse> Applied, long Total, bool Capped);

public sealed record AppliedRuleResponse(string RuleId, long Points, string Kind);

/// <summary>A page of the member's ledger, newest first.</summary>
public sealed record LedgerResponse(string MemberId, int Total, int Offset, IReadOnlyList<LedgerEntryResponse> Entries)
{
    public static LedgerResponse From(string memberId, LedgerPage page) =>
        new(memberId, page.Total, page.Offset, [.. page.Entries.Select(LedgerEntryResponse.From)]);
}

/// <summary>One change of one balance. Balances equal the sum of their entries.</summary>
public sealed record LedgerEntryResponse(
    long Sequence, string Kind, string Balance, long Points, string Reason, string? EventId, DateTimeOffset OccurredAt)
{
    public static LedgerEntryResponse From(LedgerLine line) =>
        new(line.Sequence, line.Kind, line.Balance, line.Points, line.Reason, line.EventId, line.OccurredAt);
}

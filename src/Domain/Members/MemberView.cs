namespace Loyalty.Domain;

public sealed record MemberView(
    string MemberId,
    PointsView Points,
    long LifetimeSpendMinor,
    TierView Tier,
    StreakView Streak,
    IReadOnlyList<BadgeView> Badges,
    IReadOnlyList<ChallengeView> Challenges,
    IReadOnlyList<MemberNotification> Notifications,
    RulesView Rules,
    RfmScores? Rfm,
    DateOnly? BirthDate,
    EngagementView Engagement,
    IReadOnlyList<SurveyView> Surveys)
{
    /// <summary>A member as they see themselves at <paramref name="now"/>, in the program's time zone.</summary>
    public static MemberView Of(MemberAccount member, ProgramConfig config, DateTimeOffset now, IReadOnlyList<Challenge> challenges)
    {
        var zone = ProgramCalendar.Zone(config);
        var today = ProgramCalendar.LocalDate(now, zone);
        var (points, streak) = (member.Points, member.Streak);
        return new MemberView(
            member.MemberId,
            new PointsView(
                points.Available, points.Pending, points.LifetimeEarned, points.ClawedBack, points.Redeemed, points.Expired, points.ExpiringSoon(config, now),
                points.Adjusted),
            member.Purchases.LifetimeSpendMinor,
            member.Tier.View(config.Tiers, today),
            new StreakView(
                config.StreakUnit == StreakUnit.Day ? "day" : "week",
                streak.Current(ProgramCalendar.PeriodNumber(today, config.StreakUnit)),
                streak.Best,
                streak.FreezeTokens),
            [.. member.Badges.Awarded.OrderBy(b => b.Value).ThenBy(b => b.Key, StringComparer.Ordinal).Select(b => new BadgeView(b.Key, b.Value))],
            member.Challenges.Views(challenges, member.Purchases, config, zone, now, member.NewestActivityAt),
            [.. member.News.Recent],
            new RulesView(member.RulesVersion, member.LastEarning),
            member.Rfm.Scores(config, member.Tier, now),
            member.Badges.BirthDate,
            new EngagementView(member.Engagements.Total, member.Engagements.ByKind, member.Engagements.LastAt),
            [.. member.Surveys.ByKind.OrderBy(s => s.Key).Select(s => new SurveyView(s.Key, s.Value.Score, s.Value.AnsweredAt, s.Value.Responses))]);
    }
}

/// <summary>Engagements of every kind, per kind, and when the newest happened.</summary>
public sealed record EngagementView(long Total, IReadOnlyDictionary<string, long> ByKind, DateTimeOffset? LastAt);

/// <summary>The newest answer to one survey kind: its score and event time, and how many answers the member gave.</summary>
public sealed record SurveyView(SurveyKind Survey, int Score, DateTimeOffset AnsweredAt, long Responses);

/// <param name="Adjusted">The net of manual adjustments: credits less debits.</param>
public sealed record PointsView(
    long Available, long Pending, long LifetimeEarned, long ClawedBack, long Redeemed, long Expired, ExpiringPoints? ExpiringSoon = null, long Adjusted = 0);

/// <summary>Points that expire within the program's warning window ("points expiring soon").</summary>
public sealed record ExpiringPoints(long Points, DateTimeOffset FirstAt);

/// <summary>The current tier and the progress toward the next: qualifying spend over the 12 months ending now.</summary>
public sealed record TierView(string Current, string? Next, long QualifyingSpendMinor, long? NextThresholdMinor);

public sealed record StreakView(string Unit, int Current, int Best, int FreezeTokens = 0);

public sealed record BadgeView(string Id, DateTimeOffset AwardedAt);

/// <summary>
/// Progress in a challenge: <see cref="Progress"/> is value ÷ target as a fraction from 0 to 1, rounded down to four
/// places so it shows 1 only once the goal is met. Position and Winner are set once the challenge placed the completion.
/// </summary>
public sealed record ChallengeView(
    string ChallengeId, decimal Progress, long Value, long Target, DateTimeOffset? CompletedAt, int? Position, bool Winner)
{
    public static decimal Fraction(long value, long target) =>
        target <= 0 ? 0 : (long)((Int128)Math.Clamp(value, 0, target) * 10_000 / target) / 10_000m;
}

public enum ApplyOutcome
{
    Applied,
    Duplicate,
}

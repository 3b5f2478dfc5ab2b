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
    DateOnly? BirthDate);

public sealed record PointsView(
    long Available, long Pending, long LifetimeEarned, long ClawedBack, long Redeemed, long Expired, ExpiringPoints? ExpiringSoon = null);

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

namespace Loyalty.Domain;

public sealed record MemberView(
    string MemberId, PointsView Points, long LifetimeSpendMinor, TierView Tier, StreakView Streak, IReadOnlyList<BadgeView> Badges);

public sealed record PointsView(
    long Available, long Pending, long LifetimeEarned, long ClawedBack, long Redeemed, long Expired, ExpiringPoints? ExpiringSoon = null);

/// <summary>Points that expire within the program's warning window ("points expiring soon").</summary>
public sealed record ExpiringPoints(long Points, DateTimeOffset FirstAt);

/// <summary>The current tier and the progress toward the next: qualifying spend over the 12 months ending now.</summary>
public sealed record TierView(string Current, string? Next, long QualifyingSpendMinor, long? NextThresholdMinor);

public sealed record StreakView(string Unit, int Current, int Best);

public sealed record BadgeView(string Id, DateTimeOffset AwardedAt);

public enum ApplyOutcome
{
    Applied,
    Duplicate,
}

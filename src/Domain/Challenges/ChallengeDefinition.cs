namespace Loyalty.Domain;

/// <summary>
/// A challenge as program owners write it (the body of PUT /challenges/{id}). <see cref="Start"/> and
/// <see cref="End"/> are wall-clock times in the program's time zone without an offset (<c>2026-12-01</c> or
/// <c>2026-12-01T09:00</c>); purchases dated in [start, end) count, whenever they arrive. <see cref="ChallengeValidator"/>
/// checks it.
/// </summary>
public sealed record ChallengeDefinition
{
    public string Name { get; init; } = "";

    public string Start { get; init; } = "";

    public string End { get; init; } = "";

    public ChallengeGoal Goal { get; init; } = new();

    public ChallengeFilters? Filters { get; init; }

    public ChallengeReward Reward { get; init; } = new();

    /// <summary>Only the first this many completions win the reward; absent for no limit.</summary>
    public int? MaxWinners { get; init; }
}

public sealed record ChallengeGoal
{
    public ChallengeGoalKind Kind { get; init; }

    /// <summary>Minor units for spend; purchases, distinct categories, streak periods or engagements otherwise.</summary>
    public long Target { get; init; }
}

public enum ChallengeGoalKind
{
    /// <summary>Spend in minor units (only the matching lines' value under a category filter).</summary>
    Spend,

    Purchases,

    /// <summary>Distinct line categories bought.</summary>
    Categories,

    /// <summary>Longest run of consecutive streak periods (the program's streak unit) with a purchase.</summary>
    Streak,

    /// <summary>Engagements, of the kind <see cref="ChallengeFilters.EngagementKind"/> names or of any kind.</summary>
    Engagement,
}

/// <summary>
/// Only purchases in this channel, and only lines of this category, count (both compare ignoring case); for an
/// engagement goal, only engagements of <see cref="EngagementKind"/>.
/// </summary>
public sealed record ChallengeFilters(string? Category = null, string? Channel = null, string? EngagementKind = null);

public sealed record ChallengeReward(long Points = 0, string? Badge = null);

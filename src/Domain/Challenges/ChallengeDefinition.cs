namespace Loyalty.Domain;

/// <summary>
/// A challenge as program owners write it (the body of PUT /challenges/{id}). <see cref="Start"/> and
/// <see cref="End"/> are wall-clock times in the program's time zone without an offset (<c>2026-12-01</c> or
/// <c>2026-12-01T09:00</c>); purchases dated in [start, end) count, whenever they arrive.
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

    /// <summary>Every problem, each naming its field; empty when the challenge is sound.</summary>
    public IReadOnlyList<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        void Check(bool ok, string field, string message)
        {
            if (!ok)
            {
                errors.Add(new ValidationError(field, message));
            }
        }

        Check(!string.IsNullOrWhiteSpace(Name) && Name.Length <= 200, "name", "is required, at most 200 characters");
        var startOk = LocalDateTimes.TryParse(Start, out var start);
        var endOk = LocalDateTimes.TryParse(End, out var end);
        Check(startOk, "start", LocalDateTimes.Rule);
        Check(endOk, "end", LocalDateTimes.Rule);
        Check(!startOk || !endOk || start < end, "end", "must be after start");
        if (Goal is null)
        {
            Check(false, "goal", "is required: {\"kind\", \"target\"}");
        }
        else
        {
            Check(Enum.IsDefined(Goal.Kind), "goal.kind", "must be spend, purchases, categories or streak");
            Check(Goal.Target is > 0 and <= 1_000_000_000_000, "goal.target", "must be between 1 and 1000000000000");
        }

        Check(Filters?.Category is null || !string.IsNullOrWhiteSpace(Filters.Category), "filters.category", "must not be empty");
        Check(Filters?.Channel is null || !string.IsNullOrWhiteSpace(Filters.Channel), "filters.channel", "must not be empty");
        if (Reward is null)
        {
            Check(false, "reward", "is required: points and/or badge");
        }
        else
        {
            Check(Reward.Points is >= 0 and <= Bounds.MaxBonusPoints, "reward.points", $"must be between 0 and {Bounds.MaxBonusPoints}");
            Check(Reward.Badge is null || (Reward.Badge.Length is > 0 and <= 64 && !Reward.Badge.Contains('/')),
                "reward.badge", "must be 1-64 characters without '/'");
            Check(Reward.Points > 0 || Reward.Badge is not null, "reward", "must give points, a badge, or both");
        }

        Check(MaxWinners is null or (>= 1 and <= 100_000_000), "maxWinners", "must be between 1 and 100000000, or absent for no limit");
        return errors;
    }
}

public sealed record ChallengeGoal
{
    public ChallengeGoalKind Kind { get; init; }

    /// <summary>Minor units for spend; purchases, distinct categories or streak periods otherwise.</summary>
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
}

/// <summary>Only purchases in this channel, and only lines of this category, count. Both compare ignoring case.</summary>
public sealed record ChallengeFilters(string? Category = null, string? Channel = null);

public sealed record ChallengeReward(long Points = 0, string? Badge = null);

namespace Loyalty.Domain;

/// <summary>
/// Checks a challenge definition and reports every problem, each naming its field. The program grain asks it before
/// it stores a challenge, as it asks <see cref="ProgramConfigValidator"/> before it stores a configuration.
/// </summary>
public static class ChallengeValidator
{
    public const long MaxTarget = 1_000_000_000_000;

    public const int MaxWinners = 100_000_000;

    /// <summary>Every problem of <paramref name="challenge"/>; empty when it is sound. Never throws, even on JSON nulls.</summary>
    public static IReadOnlyList<ValidationError> Validate(ChallengeDefinition challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var errors = new List<ValidationError>();
        void Check(bool ok, string field, string message)
        {
            if (!ok)
            {
                errors.Add(new ValidationError(field, message));
            }
        }

        Check(DisplayNames.IsValid(challenge.Name), "name", DisplayNames.Rule());
        var startOk = LocalDateTimes.TryParse(challenge.Start, out var start);
        var endOk = LocalDateTimes.TryParse(challenge.End, out var end);
        Check(startOk, "start", LocalDateTimes.Rule);
        Check(endOk, "end", LocalDateTimes.Rule);
        Check(!startOk || !endOk || start < end, "end", "must be after start");
        if (challenge.Goal is not { } goal)
        {
            Check(false, "goal", "is required: {\"kind\", \"target\"}");
        }
        else
        {
            Check(Enum.IsDefined(goal.Kind), "goal.kind", "must be spend, purchases, categories, streak or engagement");
            Check(goal.Target is > 0 and <= MaxTarget, "goal.target", $"must be between 1 and {MaxTarget}");
        }

        var filters = challenge.Filters;
        Check(filters?.Category is null || !string.IsNullOrWhiteSpace(filters.Category), "filters.category", "must not be empty");
        Check(filters?.Channel is null || !string.IsNullOrWhiteSpace(filters.Channel), "filters.channel", "must not be empty");
        var engagementGoal = challenge.Goal?.Kind == ChallengeGoalKind.Engagement;
        Check(filters?.EngagementKind is null || (engagementGoal && EngagementKinds.IsValid(filters.EngagementKind)),
            "filters.engagementKind", $"only for an engagement goal; {EngagementKinds.Rule}");
        Check(!engagementGoal || (filters?.Category is null && filters?.Channel is null), "filters",
            "an engagement goal takes only the engagementKind filter");
        if (challenge.Reward is not { } reward)
        {
            Check(false, "reward", "is required: points and/or badge");
        }
        else
        {
            Check(reward.Points is >= 0 and <= Bounds.MaxBonusPoints, "reward.points", $"must be between 0 and {Bounds.MaxBonusPoints}");
            Check(reward.Badge is null || (reward.Badge.Length is > 0 and <= 64 && !reward.Badge.Contains('/')),
                "reward.badge", "must be 1-64 characters without '/'");
            Check(reward.Points > 0 || reward.Badge is not null, "reward", "must give points, a badge, or both");
        }

        Check(challenge.MaxWinners is null or (>= 1 and <= MaxWinners), "maxWinners", $"must be between 1 and {MaxWinners}, or absent for no limit");
        return errors;
    }
}

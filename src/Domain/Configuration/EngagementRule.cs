namespace Loyalty.Domain;

/// <summary>
/// What an engagement of one kind earns: <see cref="Points"/>, available at once, for at most <see cref="MaxPerDay"/>
/// engagements of that kind per member and local day (absent for no cap). With <see cref="CountsForStreak"/>, a day
/// or week with such an engagement keeps the streak as a purchase does. Engagements of a kind without a rule earn
/// nothing but still count for badges and challenges.
/// </summary>
public sealed record EngagementRule
{
    public const int MaxPerDayLimit = 10_000;

    public string Kind { get; init; } = "";

    public long Points { get; init; }

    public int? MaxPerDay { get; init; }

    public bool CountsForStreak { get; init; }
}

/// <summary>The bonus for answering a survey of one kind, credited once per member and <see cref="Per"/> period (program's zone).</summary>
public sealed record SurveyBonus
{
    public SurveyKind Survey { get; init; }

    public long Points { get; init; }

    public SurveyBonusPeriod Per { get; init; }
}

public enum SurveyBonusPeriod
{
    Month,
    Quarter,
    Year,
}

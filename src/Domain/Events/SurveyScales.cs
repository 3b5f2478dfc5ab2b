namespace Loyalty.Domain;

/// <summary>Net Promoter Score (0-10), customer satisfaction (1-5) and customer effort (1-7).</summary>
public enum SurveyKind
{
    Nps,
    Csat,
    Ces,
}

/// <summary>The score range of each survey kind.</summary>
public static class SurveyScales
{
    public static (int Lowest, int Highest) Of(SurveyKind kind) => kind switch
    {
        SurveyKind.Nps => (0, 10),
        SurveyKind.Csat => (1, 5),
        SurveyKind.Ces => (1, 7),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown survey kind."),
    };

    /// <summary>The kind's name as events and configurations write it: nps, csat or ces.</summary>
    public static string Name(SurveyKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out SurveyKind kind)
    {
        foreach (var candidate in Enum.GetValues<SurveyKind>())
        {
            if (name == Name(candidate))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}

namespace Loyalty.Domain;

/// <summary>
/// What a member answered to each survey kind: the newest answer by event time (ties go to the greater event id, so
/// arrival order never matters), how many answers, and the periods whose answer bonus was credited, the newest
/// <see cref="KeptBonusPeriods"/> per kind. What KPIs need of a member's satisfaction is here.
/// </summary>
public sealed class MemberSurveys
{
    public const int KeptBonusPeriods = 24;

    private readonly Dictionary<SurveyKind, SurveyResponses> byKind;
    private readonly Dictionary<SurveyKind, List<DateOnly>> bonusPeriods;

    public MemberSurveys()
        : this([], [])
    {
    }

    private MemberSurveys(IEnumerable<KeyValuePair<SurveyKind, SurveyResponses>> byKind, IEnumerable<KeyValuePair<SurveyKind, List<DateOnly>>> bonusPeriods)
    {
        this.byKind = new Dictionary<SurveyKind, SurveyResponses>(byKind);
        this.bonusPeriods = bonusPeriods.ToDictionary(p => p.Key, p => p.Value.Order().ToList());
    }

    public static MemberSurveys Restore(
        IEnumerable<KeyValuePair<SurveyKind, SurveyResponses>> byKind, IEnumerable<KeyValuePair<SurveyKind, List<DateOnly>>> bonusPeriods) =>
        new(byKind, bonusPeriods);

    /// <summary>The newest answer and the count of answers, per survey kind answered.</summary>
    public IReadOnlyDictionary<SurveyKind, SurveyResponses> ByKind => byKind;

    /// <summary>First days of the periods whose bonus was credited, oldest first, per kind.</summary>
    public IReadOnlyDictionary<SurveyKind, List<DateOnly>> BonusPeriods => bonusPeriods;

    public SurveyResponses? Latest(SurveyKind kind) => byKind.GetValueOrDefault(kind);

    public void Record(SurveyAnswer answer)
    {
        var newest = new SurveyResponses(answer.Score, answer.OccurredAt, answer.EventId, 1);
        byKind[answer.Survey] = byKind.GetValueOrDefault(answer.Survey) is not { } known
            ? newest
            : (IsNewer(newest, known) ? newest : known) with { Responses = known.Responses + 1 };
    }

    /// <summary>
    /// Claims the bonus of the period starting <paramref name="periodStart"/> once; false when it was claimed, or when
    /// it is older than every kept period once <see cref="KeptBonusPeriods"/> are kept.
    /// </summary>
    public bool TakeBonus(SurveyKind kind, DateOnly periodStart)
    {
        if (!bonusPeriods.TryGetValue(kind, out var periods))
        {
            bonusPeriods[kind] = periods = [];
        }

        var at = periods.BinarySearch(periodStart);
        if (at >= 0 || (periods.Count >= KeptBonusPeriods && ~at == 0))
        {
            return false;
        }

        periods.Insert(~at, periodStart);
        if (periods.Count > KeptBonusPeriods)
        {
            periods.RemoveAt(0);
        }

        return true;
    }

    /// <summary>The first local day of the bonus period <paramref name="date"/> falls in.</summary>
    public static DateOnly PeriodStart(DateOnly date, SurveyBonusPeriod per) => per switch
    {
        SurveyBonusPeriod.Month => new DateOnly(date.Year, date.Month, 1),
        SurveyBonusPeriod.Quarter => new DateOnly(date.Year, ((date.Month - 1) / 3 * 3) + 1, 1),
        _ => new DateOnly(date.Year, 1, 1),
    };

    private static bool IsNewer(SurveyResponses candidate, SurveyResponses known) =>
        candidate.AnsweredAt > known.AnsweredAt
        || (candidate.AnsweredAt == known.AnsweredAt && string.CompareOrdinal(candidate.EventId, known.EventId) > 0);
}

/// <summary>The newest answer to one survey kind (its score, event time and event id) and how many answers there were.</summary>
public sealed record SurveyResponses(int Score, DateTimeOffset AnsweredAt, string EventId, long Responses);

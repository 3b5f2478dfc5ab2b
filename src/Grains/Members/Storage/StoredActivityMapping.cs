using Loyalty.Domain;

namespace Loyalty.Grains.Members.Storage;

/// <summary>
/// Maps a member's engagements, survey answers and manual adjustments to and from their stored form. Members stored
/// before these parts existed have none of the fields and read back with empty parts.
/// </summary>
public static class StoredActivityMapping
{
    public static Dictionary<string, StoredAdjustment> ToStored(MemberAdjustments adjustments) =>
        adjustments.ById.ToDictionary(a => a.Key, a => new StoredAdjustment(a.Value.Points, a.Value.Reason, a.Value.AdjustedAt), StringComparer.Ordinal);

    public static StoredEngagement? ToStored(MemberEngagement engagement) => engagement.Total == 0 && engagement.RewardedByDay.Count == 0
        ? null
        : new StoredEngagement
        {
            Total = engagement.Total,
            LastAt = engagement.LastAt,
            ByKind = engagement.ByKind.ToDictionary(StringComparer.Ordinal),
            RewardedByDay = engagement.RewardedByDay.ToDictionary(d => d.Key, d => d.Value.ToDictionary(StringComparer.Ordinal), StringComparer.Ordinal),
        };

    public static Dictionary<string, StoredSurveyResponses> ToStored(MemberSurveys surveys) => surveys.ByKind.ToDictionary(
        s => SurveyScales.Name(s.Key), s => new StoredSurveyResponses(s.Value.Score, s.Value.AnsweredAt, s.Value.EventId, s.Value.Responses), StringComparer.Ordinal);

    public static Dictionary<string, List<DateOnly>> BonusPeriods(MemberSurveys surveys) =>
        surveys.BonusPeriods.Where(p => p.Value.Count > 0).ToDictionary(p => SurveyScales.Name(p.Key), p => p.Value.ToList(), StringComparer.Ordinal);

    public static MemberAdjustments AdjustmentsFrom(StoredMember stored) => MemberAdjustments.Restore(
        stored.Adjustments.Select(a => KeyValuePair.Create(a.Key, new Adjustment(a.Value.Points, a.Value.Reason, a.Value.AdjustedAt))));

    public static MemberEngagement EngagementFrom(StoredMember stored) => stored.Engagement is { } e
        ? MemberEngagement.Restore(e.Total, e.LastAt, e.ByKind, e.RewardedByDay)
        : new MemberEngagement();

    /// <summary>Survey kinds this version does not know are left out rather than failing the member.</summary>
    public static MemberSurveys SurveysFrom(StoredMember stored) => MemberSurveys.Restore(
        stored.Surveys.Where(s => SurveyScales.TryParse(s.Key, out _)).Select(s => KeyValuePair.Create(
            Kind(s.Key), new SurveyResponses(s.Value.Score, s.Value.AnsweredAt, s.Value.EventId, s.Value.Responses))),
        stored.SurveyBonusPeriods.Where(p => SurveyScales.TryParse(p.Key, out _)).Select(p => KeyValuePair.Create(Kind(p.Key), p.Value)));

    private static SurveyKind Kind(string name) => SurveyScales.TryParse(name, out var kind) ? kind : throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown survey kind.");
}

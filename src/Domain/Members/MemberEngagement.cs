namespace Loyalty.Domain;

/// <summary>
/// A member's engagements: how many of each kind (for badges), the newest one's time, and how many were rewarded per
/// local day and kind, for the engagement rules' daily caps. Bounded: at most <see cref="MaxKinds"/> kinds are counted
/// by name (later new kinds count only in <see cref="Total"/>), and rewarded counts are kept for the newest
/// <see cref="KeptDays"/> days that had a capped engagement.
/// </summary>
public sealed class MemberEngagement
{
    public const int MaxKinds = 100;

    public const int KeptDays = 400;

    private readonly Dictionary<string, long> byKind;
    private readonly SortedDictionary<string, Dictionary<string, int>> rewardedByDay;

    public MemberEngagement()
        : this(0, null, [], [])
    {
    }

    private MemberEngagement(
        long total, DateTimeOffset? lastAt, IEnumerable<KeyValuePair<string, long>> byKind,
        IEnumerable<KeyValuePair<string, Dictionary<string, int>>> rewardedByDay)
    {
        (Total, LastAt) = (total, lastAt);
        this.byKind = new Dictionary<string, long>(byKind, StringComparer.Ordinal);
        this.rewardedByDay = new SortedDictionary<string, Dictionary<string, int>>(
            rewardedByDay.ToDictionary(d => d.Key, d => new Dictionary<string, int>(d.Value, StringComparer.Ordinal), StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    public static MemberEngagement Restore(
        long total, DateTimeOffset? lastAt, IEnumerable<KeyValuePair<string, long>> byKind,
        IEnumerable<KeyValuePair<string, Dictionary<string, int>>> rewardedByDay) =>
        new(total, lastAt, byKind, rewardedByDay);

    /// <summary>Engagements of every kind.</summary>
    public long Total { get; private set; }

    /// <summary>Event time of the newest engagement.</summary>
    public DateTimeOffset? LastAt { get; private set; }

    public IReadOnlyDictionary<string, long> ByKind => byKind;

    /// <summary>Engagements rewarded per local day ("yyyy-MM-dd") and kind, for kinds whose rule has a daily cap.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, int>> RewardedByDay => rewardedByDay;

    /// <summary>Engagements of <paramref name="kind"/>, or of every kind when it is null.</summary>
    public long Count(string? kind) => kind is null ? Total : byKind.GetValueOrDefault(kind);

    public void Record(Engagement engagement)
    {
        Total++;
        if (byKind.ContainsKey(engagement.Kind) || byKind.Count < MaxKinds)
        {
            byKind[engagement.Kind] = byKind.GetValueOrDefault(engagement.Kind) + 1;
        }

        LastAt = LastAt is { } last && last > engagement.OccurredAt ? last : engagement.OccurredAt;
    }

    /// <summary>
    /// Whether one more engagement of the rule's kind on <paramref name="day"/> is rewarded, counting it if so. Always
    /// true without a cap. A day older than every kept day, once <see cref="KeptDays"/> are kept, is not rewarded: its
    /// count is no longer known.
    /// </summary>
    public bool TakeReward(string day, EngagementRule rule)
    {
        if (rule.MaxPerDay is not { } cap)
        {
            return true;
        }

        if (!rewardedByDay.TryGetValue(day, out var kinds))
        {
            if (rewardedByDay.Count >= KeptDays && string.CompareOrdinal(day, rewardedByDay.Keys.First()) < 0)
            {
                return false;
            }

            rewardedByDay[day] = kinds = new Dictionary<string, int>(StringComparer.Ordinal);
            while (rewardedByDay.Count > KeptDays)
            {
                rewardedByDay.Remove(rewardedByDay.Keys.First());
            }
        }

        var rewarded = kinds.GetValueOrDefault(rule.Kind);
        if (rewarded >= cap)
        {
            return false;
        }

        kinds[rule.Kind] = rewarded + 1;
        return true;
    }
}

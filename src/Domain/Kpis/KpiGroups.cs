namespace Loyalty.Domain;

/// <summary>
/// Totals per group (a tier, or a segment): the sum of the contributions of the members in it now, and how many of
/// them had their newest event on each recent day. Groups nobody is in are dropped, so a tier taken out of the
/// configuration leaves no trace once its members have moved.
/// </summary>
public sealed class KpiGroups
{
    private readonly Dictionary<string, KpiCounts<KpiCount>> counts;
    private readonly Dictionary<string, SortedDictionary<DateOnly, long>> lastEvents;

    public KpiGroups()
        : this([], [])
    {
    }

    private KpiGroups(Dictionary<string, KpiCounts<KpiCount>> counts, Dictionary<string, SortedDictionary<DateOnly, long>> lastEvents) =>
        (this.counts, this.lastEvents) = (counts, lastEvents);

    public static KpiGroups Restore(
        IEnumerable<KeyValuePair<string, KpiCounts<KpiCount>>> counts, IEnumerable<KeyValuePair<string, IEnumerable<KeyValuePair<DateOnly, long>>>> lastEvents) =>
        new(counts.ToDictionary(StringComparer.Ordinal),
            lastEvents.ToDictionary(g => g.Key, g => new SortedDictionary<DateOnly, long>(g.Value.ToDictionary()), StringComparer.Ordinal));

    public IReadOnlyDictionary<string, KpiCounts<KpiCount>> Counts => counts;

    /// <summary>Per group: members by the local day of their newest event, for recent days only.</summary>
    public IReadOnlyDictionary<string, SortedDictionary<DateOnly, long>> LastEvents => lastEvents;

    /// <summary>Adds (<paramref name="sign"/> 1) or takes away (−1) a member's contribution in group <paramref name="key"/>.</summary>
    public void Add(string key, KpiCounts<KpiCount> contribution, DateOnly? lastEventDay, DateOnly keptSince, int sign)
    {
        if (!counts.TryGetValue(key, out var group))
        {
            counts[key] = group = new KpiCounts<KpiCount>();
        }

        group.Add(contribution, sign);
        if (lastEventDay is { } day && day >= keptSince)
        {
            if (!lastEvents.TryGetValue(key, out var days))
            {
                lastEvents[key] = days = [];
            }

            days[day] = days.GetValueOrDefault(day) + sign;
            if (days[day] == 0)
            {
                days.Remove(day);
            }
        }

        if (group.IsZero)
        {
            counts.Remove(key);
            lastEvents.Remove(key);
        }
    }

    /// <summary>Members whose newest event is dated on or after <paramref name="since"/>.</summary>
    public long ActiveSince(string key, DateOnly since) =>
        lastEvents.TryGetValue(key, out var days) ? days.Where(d => d.Key >= since).Sum(d => d.Value) : 0;

    /// <summary>Forgets newest-event days before <paramref name="keptSince"/>.</summary>
    public void Forget(DateOnly keptSince)
    {
        foreach (var days in lastEvents.Values)
        {
            while (days.Count > 0 && days.Keys.First() < keptSince)
            {
                days.Remove(days.Keys.First());
            }
        }
    }

    /// <summary>Adds another slice's groups, for reading a program's totals.</summary>
    public void Merge(KpiGroups other)
    {
        foreach (var (key, group) in other.counts)
        {
            if (!counts.TryGetValue(key, out var mine))
            {
                counts[key] = mine = new KpiCounts<KpiCount>();
            }

            mine.Add(group);
        }

        foreach (var (key, days) in other.lastEvents)
        {
            if (!lastEvents.TryGetValue(key, out var mine))
            {
                lastEvents[key] = mine = [];
            }

            foreach (var (day, members) in days)
            {
                mine[day] = mine.GetValueOrDefault(day) + members;
            }
        }
    }
}

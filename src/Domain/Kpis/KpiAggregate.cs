namespace Loyalty.Domain;

/// <summary>
/// A program's KPIs pre-aggregated from its members' changes: totals by tier and by segment (the program's totals
/// are the sum over tiers) and what happened on each local day. Bounded by configuration: groups by the program's
/// tiers and segments, days by <c>daysKept</c> counted back from the newest day seen.
/// </summary>
public sealed class KpiAggregate
{
    private readonly SortedDictionary<DateOnly, KpiCounts<KpiDailyCount>> daily;

    public KpiAggregate()
        : this(new KpiGroups(), new KpiGroups(), [], null)
    {
    }

    private KpiAggregate(KpiGroups tiers, KpiGroups segments, IEnumerable<KeyValuePair<DateOnly, KpiCounts<KpiDailyCount>>> daily, DateOnly? newestDay)
    {
        (Tiers, Segments, NewestDay) = (tiers, segments, newestDay);
        this.daily = new SortedDictionary<DateOnly, KpiCounts<KpiDailyCount>>(daily.ToDictionary());
    }

    public static KpiAggregate Restore(
        KpiGroups tiers, KpiGroups segments, IEnumerable<KeyValuePair<DateOnly, KpiCounts<KpiDailyCount>>> daily, DateOnly? newestDay) =>
        new(tiers, segments, daily, newestDay);

    public KpiGroups Tiers { get; }

    public KpiGroups Segments { get; }

    public IReadOnlyDictionary<DateOnly, KpiCounts<KpiDailyCount>> Daily => daily;

    /// <summary>The newest local day any change named; days are kept counting back from it.</summary>
    public DateOnly? NewestDay { get; private set; }

    /// <summary>The first day kept, when <paramref name="daysKept"/> days are kept.</summary>
    public DateOnly KeptSince(int daysKept) =>
        NewestDay is { } newest && newest.DayNumber >= daysKept ? newest.AddDays(1 - daysKept) : DateOnly.MinValue;

    /// <summary>Moves the member's contribution from <see cref="KpiChange.From"/> to <see cref="KpiChange.To"/> and adds its days.</summary>
    public void Apply(KpiChange change, int daysKept)
    {
        foreach (var day in change.To.LastEventDay is { } last ? change.Days.Keys.Append(last) : change.Days.Keys)
        {
            NewestDay = NewestDay is { } newest && newest >= day ? newest : day;
        }

        var keptSince = KeptSince(daysKept);
        if (change.From is { } from)
        {
            Tiers.Add(from.Tier, from.Counts, from.LastEventDay, keptSince, -1);
            Segments.Add(from.Segment, from.Counts, from.LastEventDay, keptSince, -1);
        }

        Tiers.Add(change.To.Tier, change.To.Counts, change.To.LastEventDay, keptSince, 1);
        Segments.Add(change.To.Segment, change.To.Counts, change.To.LastEventDay, keptSince, 1);
        foreach (var (day, counts) in change.Days)
        {
            if (day < keptSince)
            {
                continue; // older than anything kept: the totals have it, the day series no longer does
            }

            if (!daily.TryGetValue(day, out var kept))
            {
                daily[day] = kept = new KpiCounts<KpiDailyCount>();
            }

            kept.Add(counts);
        }

        Forget(keptSince);
    }

    /// <summary>Adds another slice, for reading; days before <paramref name="keptSince"/> are left out.</summary>
    public void Merge(KpiAggregate other)
    {
        Tiers.Merge(other.Tiers);
        Segments.Merge(other.Segments);
        foreach (var (day, counts) in other.daily)
        {
            if (!daily.TryGetValue(day, out var mine))
            {
                daily[day] = mine = new KpiCounts<KpiDailyCount>();
            }

            mine.Add(counts);
        }

        if (other.NewestDay is { } theirs && (NewestDay is null || theirs > NewestDay))
        {
            NewestDay = theirs;
        }
    }

    /// <summary>The program's totals: the sum over tiers (every member is in exactly one).</summary>
    public KpiCounts<KpiCount> Program()
    {
        var total = new KpiCounts<KpiCount>();
        foreach (var group in Tiers.Counts.Values)
        {
            total.Add(group);
        }

        return total;
    }

    /// <summary>Members whose newest event is within the <paramref name="days"/> local days ending <paramref name="today"/>.</summary>
    public long ActiveMembers(DateOnly today, int days) =>
        Tiers.Counts.Keys.Sum(tier => Tiers.ActiveSince(tier, today.AddDays(1 - days)));

    /// <summary>Drops what is older than <paramref name="keptSince"/>.</summary>
    public void Forget(DateOnly keptSince)
    {
        while (daily.Count > 0 && daily.Keys.First() < keptSince)
        {
            daily.Remove(daily.Keys.First());
        }

        Tiers.Forget(keptSince);
        Segments.Forget(keptSince);
    }
}

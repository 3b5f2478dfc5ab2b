using System.Collections.Immutable;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces.Kpis;

namespace Loyalty.Grains.Kpis;

/// <summary>KPI changes and totals between the rule book and their transported form.</summary>
public static class KpiMapping
{
    public static KpiChangeData ToData(this KpiChange change) => new(
        change.Id, change.CreatedAt, change.From?.ToData(), change.To.ToData(),
        [.. change.Days.OrderBy(d => d.Key).Select(d => new KpiDayData(d.Key, [.. d.Value.Values]))]);

    public static KpiChange FromData(this KpiChangeData data) => new(
        data.Id, data.CreatedAt, data.From?.FromData(), data.To.FromData(),
        data.Days.ToDictionary(d => d.Day, d => KpiCounts<KpiDailyCount>.From(d.Counts)));

    public static KpiContributionData ToData(this KpiContribution contribution) =>
        new(contribution.Tier, contribution.Segment, contribution.LastEventDay, [.. contribution.Counts.Values]);

    public static KpiContribution FromData(this KpiContributionData data) =>
        new(data.Tier, data.Segment, data.LastEventDay, KpiCounts<KpiCount>.From(data.Counts));

    public static KpiSliceData ToData(this KpiAggregate aggregate) => new(
        ToData(aggregate.Tiers), ToData(aggregate.Segments),
        [.. aggregate.Daily.Select(d => new KpiDayData(d.Key, [.. d.Value.Values]))],
        aggregate.NewestDay);

    public static KpiAggregate FromData(this KpiSliceData data) => KpiAggregate.Restore(
        FromData(data.Tiers), FromData(data.Segments),
        data.Daily.Select(d => KeyValuePair.Create(d.Day, KpiCounts<KpiDailyCount>.From(d.Counts))),
        data.NewestDay);

    private static ImmutableArray<KpiGroupData> ToData(KpiGroups groups) =>
    [
        .. groups.Counts.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new KpiGroupData(
            g.Key, [.. g.Value.Values],
            groups.LastEvents.TryGetValue(g.Key, out var days) ? [.. days.Select(d => new KpiLastEventData(d.Key, d.Value))] : [])),
    ];

    private static KpiGroups FromData(ImmutableArray<KpiGroupData> groups) => KpiGroups.Restore(
        groups.Select(g => KeyValuePair.Create(g.Key, KpiCounts<KpiCount>.From(g.Counts))),
        groups.Select(g => KeyValuePair.Create(g.Key, g.LastEvents.Select(d => KeyValuePair.Create(d.Day, d.Members)))));
}

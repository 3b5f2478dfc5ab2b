using System.Collections.Immutable;

namespace Loyalty.Grains.Interfaces.Kpis;

/// <summary>The totals one slice holds; a program's totals are the sum over its slices.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.kpi-slice")]
public sealed record KpiSliceData(
    [property: Id(0)] ImmutableArray<KpiGroupData> Tiers,
    [property: Id(1)] ImmutableArray<KpiGroupData> Segments,
    [property: Id(2)] ImmutableArray<KpiDayData> Daily,
    [property: Id(3)] DateOnly? NewestDay);

/// <summary>A group's counts, and its members by the local day of their newest event (recent days only).</summary>
[GenerateSerializer, Immutable, Alias("loyalty.kpi-group")]
public sealed record KpiGroupData(
    [property: Id(0)] string Key,
    [property: Id(1)] ImmutableArray<long> Counts,
    [property: Id(2)] ImmutableArray<KpiLastEventData> LastEvents);

[GenerateSerializer, Immutable, Alias("loyalty.kpi-last-event")]
public sealed record KpiLastEventData([property: Id(0)] DateOnly Day, [property: Id(1)] long Members);

using System.Collections.Immutable;

namespace Loyalty.Grains.Interfaces.Kpis;

/// <summary>Reads a program's KPIs (key: the program id) by summing its slices.</summary>
public interface IProgramKpisGrain : IGrainWithStringKey
{
    /// <summary>Totals of the program, of each tier and of each segment, as of now.</summary>
    Task<KpiReport> Totals();

    /// <summary>The days with activity from <paramref name="from"/> to <paramref name="to"/>, both included, among those still kept.</summary>
    Task<KpiDailyReport> Daily(DateOnly from, DateOnly to);
}

/// <summary>A program's KPI totals; counts in <c>KpiCount</c> order.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.kpi-report")]
public sealed record KpiReport(
    [property: Id(0)] DateTimeOffset AsOf,
    [property: Id(1)] long PointValueMinor,
    [property: Id(2)] KpiGroupReport Program,
    [property: Id(3)] ImmutableArray<KpiGroupReport> Tiers,
    [property: Id(4)] ImmutableArray<KpiGroupReport> Segments);

/// <summary>One group's counts, with its members whose newest event is dated within the last 30 local days.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.kpi-group-report")]
public sealed record KpiGroupReport(
    [property: Id(0)] string Key, [property: Id(1)] ImmutableArray<long> Counts, [property: Id(2)] long ActiveMembers30d);

/// <summary>Days with activity, in order; days before <see cref="KeptSince"/> are no longer kept.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.kpi-daily-report")]
public sealed record KpiDailyReport([property: Id(0)] DateOnly KeptSince, [property: Id(1)] ImmutableArray<KpiDayData> Days);

using System.Collections.Immutable;

namespace Loyalty.Grains.Interfaces.Kpis;

/// <summary>One step of a member's KPI contribution, as it travels to its slice of the program's totals; names no member.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.kpi-change")]
public sealed record KpiChangeData(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset CreatedAt,
    [property: Id(2)] KpiContributionData? From,
    [property: Id(3)] KpiContributionData To,
    [property: Id(4)] ImmutableArray<KpiDayData> Days);

/// <summary>A member's contribution: its groups, the day of its newest event, and its counts in <c>KpiCount</c> order.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.kpi-contribution")]
public sealed record KpiContributionData(
    [property: Id(0)] string Tier,
    [property: Id(1)] string Segment,
    [property: Id(2)] DateOnly? LastEventDay,
    [property: Id(3)] ImmutableArray<long> Counts);

/// <summary>What happened on one local day, in <c>KpiDailyCount</c> order.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.kpi-day")]
public sealed record KpiDayData([property: Id(0)] DateOnly Day, [property: Id(1)] ImmutableArray<long> Counts);

using System.Collections.Immutable;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Kpis;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Loyalty.Grains.Kpis;

/// <summary>Reads a program's KPIs: the sum of its slices, with active members counted on the program's calendar today.</summary>
[StatelessWorker, Reentrant]
public sealed class ProgramKpisGrain(
    ProgramRulesCache programs,
    IOptions<KpiOptions> options,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock)
    : Grain, IProgramKpisGrain
{
    /// <summary>Members count as active while their newest event is dated within this many local days, today included.</summary>
    public const int ActiveDays = 30;

    public async Task<KpiReport> Totals()
    {
        var rules = await RequireRules();
        var totals = await Sum();
        var now = clock.GetUtcNow();
        var today = ProgramCalendar.LocalDate(now, rules.Zone);
        var since = today.AddDays(1 - ActiveDays);
        KpiGroupReport Group(KpiGroups groups, string key) =>
            new(key, [.. groups.Counts.TryGetValue(key, out var counts) ? counts.Values : new KpiCounts<KpiCount>().Values], groups.ActiveSince(key, since));

        // Every configured tier is answered, empty or not; a tier no longer configured only while members are in it.
        var tiers = rules.Config.Tiers.Select(t => t.Name).Union(totals.Tiers.Counts.Keys.Order(StringComparer.Ordinal), StringComparer.Ordinal);
        var program = new KpiGroupReport("program", [.. totals.Program().Values], totals.ActiveMembers(today, ActiveDays));
        return new KpiReport(
            now, rules.Config.PointValueMinor, program,
            [.. tiers.Select(tier => Group(totals.Tiers, tier))],
            [.. totals.Segments.Counts.Keys.Order(StringComparer.Ordinal).Select(segment => Group(totals.Segments, segment))]);
    }

    public async Task<KpiDailyReport> Daily(DateOnly from, DateOnly to)
    {
        var totals = await Sum();
        var keptSince = totals.KeptSince(options.Value.DaysKept);
        return new KpiDailyReport(
            keptSince, [.. totals.Daily.Where(d => d.Key >= from && d.Key <= to && d.Key >= keptSince).Select(d => new KpiDayData(d.Key, [.. d.Value.Values]))]);
    }

    private async Task<KpiAggregate> Sum()
    {
        var programId = this.GetPrimaryKeyString();
        var slices = await Task.WhenAll(Enumerable.Range(0, options.Value.Slices)
            .Select(slice => GrainFactory.GetGrain<IKpiSliceGrain>(GrainKeys.KpiSlice(programId, slice)).Read()));
        var sum = new KpiAggregate();
        foreach (var slice in slices)
        {
            sum.Merge(slice.FromData());
        }

        return sum;
    }

    private async Task<ProgramRules> RequireRules() =>
        await programs.Get(this.GetPrimaryKeyString())
        ?? throw new InvalidOperationException($"Program '{this.GetPrimaryKeyString()}' is not configured.");
}

using System.Globalization;
using Loyalty.Domain;
using Loyalty.Gateway.Http;
using Loyalty.Gateway.Security;
using Loyalty.Grains.Interfaces.Kpis;

namespace Loyalty.Gateway.Programs;

/// <summary>A program's KPIs for its admins: totals, the same by tier or segment, and a day-by-day series.</summary>
public static class KpiEndpoints
{
    public const string ByTier = "tier";
    public const string BySegment = "segment";

    /// <summary>The longest day-by-day series one request answers.</summary>
    public const int MaxDays = 366;

    public static void MapKpiEndpoints(this IEndpointRouteBuilder routes)
    {
        var kpis = routes.MapGroup("/v1/programs/{programId}/kpis").WithTags("KPIs").ForAdmins().ForConfiguredPrograms();
        kpis.MapGet("", async (string programId, string? by, IGrainFactory grains) =>
            {
                if (by is not (null or ByTier or BySegment))
                {
                    return Problems.Invalid("by", $"must be {ByTier} or {BySegment}");
                }

                var report = await grains.GetGrain<IProgramKpisGrain>(programId).Totals();
                return by is null ? Results.Ok(KpiResponse.Program(report)) : Results.Ok(KpiGroupsResponse.From(report, by));
            })
            .WithName("GetKpis")
            .Produces<KpiResponse>()
            .Produces<KpiGroupsResponse>()
            .WithSummary("The program's KPIs now; with by=tier or by=segment, the same figures for each group, with its lifetime value.");

        kpis.MapGet("/daily", async (string programId, string? from, string? to, IGrainFactory grains) =>
            {
                var (first, fromProblem) = ParseDay("from", from);
                var (last, toProblem) = ParseDay("to", to);
                if ((fromProblem ?? toProblem) is { } problem)
                {
                    return problem;
                }

                if (last < first)
                {
                    return Problems.Invalid("to", "must not be before from");
                }

                if (last.DayNumber - first.DayNumber >= MaxDays)
                {
                    return Problems.Invalid("to", $"must be within {MaxDays} days of from");
                }

                var report = await grains.GetGrain<IProgramKpisGrain>(programId).Daily(first, last);
                var byDay = report.Days.ToDictionary(d => d.Day, d => KpiCounts<KpiDailyCount>.From(d.Counts));
                var start = report.KeptSince > first ? report.KeptSince : first;
                var days = new List<KpiDayResponse>();
                for (var day = start; day <= last; day = day.AddDays(1))
                {
                    days.Add(KpiDayResponse.From(day, byDay.GetValueOrDefault(day) ?? new KpiCounts<KpiDailyCount>()));
                }

                return Results.Ok(new KpiDailyResponse(first, last, report.KeptSince, days));
            })
            .WithName("GetDailyKpis")
            .Produces<KpiDailyResponse>()
            .WithSummary($"What happened each local day of the program's time zone, from and to (yyyy-MM-dd) included, at most {MaxDays} days.");
    }

    private static (DateOnly Day, IResult? Problem) ParseDay(string field, string? text) =>
        text is null ? (default, Problems.Invalid(field, "is required"))
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? (day, null)
        : (default, Problems.Invalid(field, "must be a date, yyyy-MM-dd"));
}

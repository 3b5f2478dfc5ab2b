using Loyalty.Domain;
using Loyalty.Grains.Interfaces.Kpis;

namespace Loyalty.Gateway.Programs;

/// <summary>
/// A program's or one group's KPIs on the wire; every figure is defined in the README's KPI section. The program's
/// answer carries <see cref="AsOf"/> and <see cref="Tiers"/>; a group's, <see cref="Key"/> and <see cref="ClvMinor"/>.
/// </summary>
public sealed record KpiResponse(
    string? Key,
    DateTimeOffset? AsOf,
    long Members,
    long ActiveMembers30d,
    long Purchasers,
    long RepeatPurchasers,
    decimal RepeatPurchaseRate,
    long Purchases,
    long Returns,
    long GrossSpendMinor,
    long NetSpendMinor,
    long AverageOrderMinor,
    KpiPointsResponse Points,
    decimal LiabilityMinor,
    decimal RedemptionRate,
    long Engagements,
    KpiSurveysResponse Surveys,
    long? ClvMinor,
    IReadOnlyDictionary<string, long>? Tiers)
{
    public static KpiResponse Program(KpiReport report) => Of(report.Program, report.PointValueMinor) with
    {
        AsOf = report.AsOf,
        Tiers = report.Tiers.ToDictionary(t => t.Key, t => KpiCounts<KpiCount>.From(t.Counts)[KpiCount.Members], StringComparer.Ordinal),
    };

    public static KpiResponse Group(KpiGroupReport group, long pointValueMinor)
    {
        var counts = KpiCounts<KpiCount>.From(group.Counts);
        return Of(group, pointValueMinor) with { Key = group.Key, ClvMinor = KpiRates.Average(counts[KpiCount.NetSpendMinor], counts[KpiCount.Members]) };
    }

    private static KpiResponse Of(KpiGroupReport group, long pointValueMinor)
    {
        var c = KpiCounts<KpiCount>.From(group.Counts);
        var points = new KpiPointsResponse(
            c[KpiCount.PointsIssued], c[KpiCount.PointsClawedBack], c[KpiCount.PointsRedeemed], c[KpiCount.PointsExpired],
            c[KpiCount.PointsAdjusted], c[KpiCount.PointsOutstanding]);
        return new KpiResponse(
            null, null, c[KpiCount.Members], group.ActiveMembers30d, c[KpiCount.Purchasers], c[KpiCount.RepeatPurchasers],
            KpiRates.Rate(c[KpiCount.RepeatPurchasers], c[KpiCount.Purchasers]), c[KpiCount.Purchases], c[KpiCount.Returns],
            c[KpiCount.GrossSpendMinor], c[KpiCount.NetSpendMinor], KpiRates.Average(c[KpiCount.GrossSpendMinor], c[KpiCount.Purchases]), points,
            (decimal)points.Outstanding * pointValueMinor, KpiRates.Rate(points.Redeemed, points.Issued), c[KpiCount.Engagements],
            KpiSurveysResponse.From(c), null, null);
    }
}

/// <summary>The same figures for each tier or segment, with the lifetime value of its members.</summary>
public sealed record KpiGroupsResponse(DateTimeOffset AsOf, string By, IReadOnlyList<KpiResponse> Groups)
{
    public static KpiGroupsResponse From(KpiReport report, string by) => new(
        report.AsOf, by, [.. (by == KpiEndpoints.ByTier ? report.Tiers : report.Segments).Select(g => KpiResponse.Group(g, report.PointValueMinor))]);
}

public sealed record KpiPointsResponse(long Issued, long ClawedBack, long Redeemed, long Expired, long Adjusted, long Outstanding);

/// <summary>Satisfaction by each member's newest answer per survey; <c>answers</c> counts every answer ever given.</summary>
public sealed record KpiSurveysResponse(long Answers, KpiNpsResponse Nps, KpiCsatResponse Csat, KpiCesResponse Ces)
{
    public static KpiSurveysResponse From(KpiCounts<KpiCount> c)
    {
        var nps = (Responses: c[KpiCount.NpsResponses], Promoters: c[KpiCount.NpsPromoters], Detractors: c[KpiCount.NpsDetractors]);
        return new KpiSurveysResponse(
            c[KpiCount.SurveyAnswers],
            new KpiNpsResponse(nps.Responses, nps.Promoters, nps.Responses - nps.Promoters - nps.Detractors, nps.Detractors,
                KpiRates.NetPromoterScore(nps.Promoters, nps.Detractors, nps.Responses)),
            new KpiCsatResponse(c[KpiCount.CsatResponses], c[KpiCount.CsatSatisfied], KpiRates.Percent(c[KpiCount.CsatSatisfied], c[KpiCount.CsatResponses]),
                KpiRates.Mean(c[KpiCount.CsatScoreTotal], c[KpiCount.CsatResponses])),
            new KpiCesResponse(c[KpiCount.CesResponses], KpiRates.Mean(c[KpiCount.CesScoreTotal], c[KpiCount.CesResponses])));
    }
}

/// <param name="Score">% promoters (9–10) − % detractors (0–6), a whole number.</param>
public sealed record KpiNpsResponse(long Responses, long Promoters, long Passives, long Detractors, int Score);

/// <param name="Score">% of responses 4 or 5, a whole number.</param>
/// <param name="Average">The mean score, 1 to 5, to 2 decimal places.</param>
public sealed record KpiCsatResponse(long Responses, long Satisfied, int Score, decimal Average);

/// <param name="Score">The mean effort score, 1 to 7, to 2 decimal places.</param>
public sealed record KpiCesResponse(long Responses, decimal Score);

/// <summary>A day of the series; days without activity answer zeros.</summary>
public sealed record KpiDayResponse(
    DateOnly Date, long NewMembers, long Purchases, long Returns, long GrossSpendMinor, long RefundedMinor, long NetSpendMinor,
    long Engagements, long SurveyAnswers, KpiDayPointsResponse Points)
{
    public static KpiDayResponse From(DateOnly date, KpiCounts<KpiDailyCount> c) => new(
        date, c[KpiDailyCount.NewMembers], c[KpiDailyCount.Purchases], c[KpiDailyCount.Returns], c[KpiDailyCount.GrossSpendMinor],
        c[KpiDailyCount.RefundedMinor], c[KpiDailyCount.GrossSpendMinor] - c[KpiDailyCount.RefundedMinor],
        c[KpiDailyCount.Engagements], c[KpiDailyCount.SurveyAnswers],
        new KpiDayPointsResponse(
            c[KpiDailyCount.PointsIssued], c[KpiDailyCount.PointsClawedBack], c[KpiDailyCount.PointsRedeemed], c[KpiDailyCount.PointsExpired],
            c[KpiDailyCount.PointsAdjusted]));
}

public sealed record KpiDayPointsResponse(long Issued, long ClawedBack, long Redeemed, long Expired, long Adjusted);

/// <param name="KeptSince">The first day the series still keeps; earlier days are left out.</param>
public sealed record KpiDailyResponse(DateOnly From, DateOnly To, DateOnly KeptSince, IReadOnlyList<KpiDayResponse> Days);

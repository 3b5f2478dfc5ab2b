namespace Loyalty.Domain;

/// <summary>
/// Everything one member adds to its program's KPIs, as absolute values: the groups it counts in (its tier and
/// segment), the day of its newest event (for active members) and its counts. Totals are sums of contributions.
/// </summary>
public sealed record KpiContribution(string Tier, string Segment, DateOnly? LastEventDay, KpiCounts<KpiCount> Counts)
{
    public bool SameAs(KpiContribution other) =>
        Tier == other.Tier && Segment == other.Segment && LastEventDay == other.LastEventDay && Counts.SameAs(other.Counts);
}

/// <summary>
/// A member's segment for KPIs: frequency and monetary scores ("f2m3") over its whole history, on the program's RFM
/// thresholds. Lifetime figures change only when the member does, so segments stay exact when pre-aggregated;
/// recency is what active members measure.
/// </summary>
public static class KpiSegments
{
    public static string Of(long purchases, long netSpendMinor, RfmThresholds thresholds) =>
        $"f{1 + thresholds.Frequency.Count(step => purchases >= step)}m{1 + thresholds.MonetaryMinor.Count(step => netSpendMinor >= step)}";
}

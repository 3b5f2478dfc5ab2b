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
    // Every member's turn asks for its segment: the 25 names are made once.
    private static readonly string[,] Names = MakeNames();

    public static string Of(long purchases, long netSpendMinor, RfmThresholds thresholds) =>
        Names[Steps(purchases, thresholds.Frequency), Steps(netSpendMinor, thresholds.MonetaryMinor)];

    private static int Steps(long value, List<long> thresholds)
    {
        var steps = 0;
        foreach (var step in thresholds)
        {
            steps += value >= step ? 1 : 0;
        }

        return Math.Min(steps, 4);
    }

    private static string[,] MakeNames()
    {
        var names = new string[5, 5];
        for (var f = 0; f < 5; f++)
        {
            for (var m = 0; m < 5; m++)
            {
                names[f, m] = $"f{f + 1}m{m + 1}";
            }
        }

        return names;
    }
}

namespace Loyalty.Domain;

/// <summary>Recency, frequency and monetary scores, each 1 (lowest) to 5 (best).</summary>
public sealed record RfmScores(int Recency, int Frequency, int Monetary)
{
    public static RfmScores From(int daysSinceLastPurchase, long purchases, long spendMinor, RfmThresholds thresholds) => new(
        5 - thresholds.RecencyDays.Count(limit => daysSinceLastPurchase > limit),
        1 + thresholds.Frequency.Count(step => purchases >= step),
        1 + thresholds.MonetaryMinor.Count(step => spendMinor >= step));

    public bool Reaches(RfmMinimums minimums) =>
        Recency >= (minimums.MinRecency ?? 1) && Frequency >= (minimums.MinFrequency ?? 1) && Monetary >= (minimums.MinMonetary ?? 1);
}

/// <summary>What offers target: the member's tier and RFM scores (null before a first purchase).</summary>
public sealed record MemberSegment(string Tier, RfmScores? Rfm)
{
    public bool Matches(OfferSegment segment) =>
        (segment.Tiers is null || segment.Tiers.Contains(Tier, StringComparer.Ordinal))
        && (segment.Rfm is null || (Rfm is not null && Rfm.Reaches(segment.Rfm)));
}

namespace Loyalty.Domain;

/// <summary>
/// Where recency, frequency and monetary scores step, four ascending thresholds each. Recency: days since the last
/// purchase, at most the first for 5, the second for 4, and so on, beyond the fourth 1. Frequency (purchases in the
/// last 12 months) and monetary (net spend in minor units over the same months): at least the first for 2, the
/// second for 3, and so on, below the first 1.
/// </summary>
public sealed record RfmThresholds
{
    public List<int> RecencyDays { get; init; } = [30, 90, 180, 365];

    public List<long> Frequency { get; init; } = [2, 4, 8, 16];

    public List<long> MonetaryMinor { get; init; } = [10_000, 50_000, 100_000, 500_000];
}

namespace Loyalty.Grains;

/// <summary>
/// Delays for retry loops that are not ours to run (Orleans' stream agents) or that are durable schedules rather than
/// a call (the webhook outbox): Polly computes its delays only inside its own pipelines.
/// </summary>
public static class RetryDelays
{
    /// <summary><paramref name="first"/> doubled <paramref name="retry"/> times (0 for the first retry), at most <paramref name="max"/>.</summary>
    public static TimeSpan Doubling(TimeSpan first, TimeSpan max, int retry) =>
        TimeSpan.FromTicks((long)Math.Min(max.Ticks, first.Ticks * Math.Pow(2, Math.Max(retry, 0))));
}

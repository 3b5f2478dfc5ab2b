using Orleans.Runtime.Providers;

namespace Loyalty.Silo.Streams;

/// <summary>
/// Waits between attempts of a pulling agent: doubling from <paramref name="first"/> up to <paramref name="max"/>,
/// with up to a quarter of jitter so agents do not retry in step. Orleans' defaults grow to 30 s for deliveries and
/// 20 s for queue reads, so a delivery that failed once against a silo just killed could wait long after its grains
/// were served elsewhere; capped waits keep failover inside its bound.
/// </summary>
public sealed class StreamRetryBackoff(TimeSpan first, TimeSpan max) : IMessageDeliveryBackoffProvider, IQueueReaderBackoffProvider
{
    public TimeSpan Next(int attempt)
    {
        var doubled = first.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempt, 0, 30));
        var wait = Math.Min(doubled, max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(wait * (0.75 + Random.Shared.NextDouble() * 0.25));
    }
}

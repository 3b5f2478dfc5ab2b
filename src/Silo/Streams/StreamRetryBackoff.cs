using Loyalty.Grains;
using Orleans.Runtime.Providers;

namespace Loyalty.Silo.Streams;

/// <summary>
/// Waits between attempts of a pulling agent: doubling from <paramref name="first"/> up to <paramref name="max"/>,
/// less up to a quarter of jitter so agents do not retry in step. Orleans' defaults grow to 30 s for deliveries and
/// 20 s for queue reads, so a delivery that failed once against a silo just killed could wait long after its grains
/// were served elsewhere; capped waits keep failover inside its bound. Orleans runs the retry loop and asks only for
/// the delay, so no resilience pipeline fits here.
/// </summary>
public sealed class StreamRetryBackoff(TimeSpan first, TimeSpan max) : IMessageDeliveryBackoffProvider, IQueueReaderBackoffProvider
{
    public TimeSpan Next(int attempt) => RetryDelays.Doubling(first, max, attempt) * (0.75 + Random.Shared.NextDouble() * 0.25);
}

using Loyalty.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Providers;

namespace Loyalty.Silo.Streams;

/// <summary>
/// Waits between attempts of a pulling agent: doubling from <paramref name="first"/> up to <paramref name="max"/>,
/// less up to a quarter of jitter so agents do not retry in step (<see cref="StreamRetryOptions"/> says why capped).
/// Orleans runs the retry loop and asks only for the delay, so no resilience pipeline fits here.
/// </summary>
public sealed class StreamRetryBackoff(TimeSpan first, TimeSpan max) : IMessageDeliveryBackoffProvider, IQueueReaderBackoffProvider
{
    public TimeSpan Next(int attempt) => RetryDelays.Doubling(first, max, attempt) * (0.75 + Random.Shared.NextDouble() * 0.25);

    public static StreamRetryBackoff Delivery(IServiceProvider services)
    {
        var retries = services.GetRequiredService<IOptions<StreamRetryOptions>>().Value;
        return new(retries.DeliveryFirstDelay, retries.DeliveryMaxDelay);
    }

    public static StreamRetryBackoff QueueRead(IServiceProvider services)
    {
        var retries = services.GetRequiredService<IOptions<StreamRetryOptions>>().Value;
        return new(retries.QueueReadFirstDelay, retries.QueueReadMaxDelay);
    }
}

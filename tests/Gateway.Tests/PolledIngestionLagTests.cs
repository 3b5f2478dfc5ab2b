using Loyalty.Gateway.Events;
using Loyalty.Streaming.Redis;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Loyalty.Gateway.Tests;

/// <summary>A gateway of the Redis profile reads the lag now and then, and counts its own publications between readings.</summary>
public sealed class PolledIngestionLagTests
{
    private RedisStreamBacklog.Reading redis = new(0, null);

    [Fact]
    public async Task Events_published_here_count_until_a_reading_begun_after_them_includes_them()
    {
        var lag = new PolledIngestionLag(() => Task.FromResult(redis), Options.Create(new IngestionOptions()), NullLogger<PolledIngestionLag>.Instance);
        redis = new(100, DateTimeOffset.UtcNow.AddSeconds(-3));
        await lag.Poll();
        Assert.Equal(100, lag.Current.Events);
        Assert.InRange(lag.Current.OldestAge, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(10));

        lag.Published(40, DateTimeOffset.UtcNow); // not in Redis' count yet
        Assert.Equal(140, lag.Current.Events);

        redis = new(140, redis.Oldest);
        await lag.Poll();
        Assert.Equal(140, lag.Current.Events);

        redis = new(0, null);
        await lag.Poll();
        Assert.Equal(Client.Ingestion.IngestionLag.None, lag.Current);
    }
}

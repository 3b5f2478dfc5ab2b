using Loyalty.Client.Ingestion;
using Loyalty.Streaming.Redis;
using Microsoft.Extensions.Options;

namespace Loyalty.Gateway.Events;

/// <summary>
/// The Redis profile's lag, read from the member-event streams every <see cref="IngestionOptions.LagPollInterval"/>;
/// requests read the last reading, never Redis. What this gateway published since a reading began is added to it, so
/// a stale reading cannot let a burst of this gateway's batches past the bound (what it publishes during a reading's
/// round trip counts twice until the next: conservative). While Redis does not answer, the last reading stands
/// (publishing fails then anyway).
/// </summary>
public sealed class PolledIngestionLag(Func<Task<RedisStreamBacklog.Reading>> read, IOptions<IngestionOptions> options, ILogger<PolledIngestionLag> logger)
    : BackgroundService, IIngestionLag, IPublicationCounter
{
    private long publishedHere;
    private volatile Snapshot last = new(IngestionLag.None, 0);

    public IngestionLag Current
    {
        get
        {
            var snapshot = last;
            return snapshot.Lag with { Events = snapshot.Lag.Events + Interlocked.Read(ref publishedHere) - snapshot.PublishedHereBefore };
        }
    }

    public void Publishing(int events, DateTimeOffset publishedAt)
    {
    }

    /// <summary>Counted once Redis has the entry, so a reading begun before this call includes it.</summary>
    public void Published(int events, DateTimeOffset publishedAt) => Interlocked.Add(ref publishedHere, events);

    public void Withdrawn(int events, DateTimeOffset publishedAt)
    {
    }

    /// <summary>One reading. Publications noted before it starts are in Redis already; later ones may or may not be.</summary>
    public async Task Poll()
    {
        var before = Interlocked.Read(ref publishedHere);
        var reading = await read();
        var age = reading.Oldest is { } oldest ? DateTimeOffset.UtcNow - oldest : TimeSpan.Zero;
        last = new Snapshot(new IngestionLag(reading.Events, age < TimeSpan.Zero ? TimeSpan.Zero : age), before);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.LagPollInterval);
        do
        {
            try
            {
                await Poll();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogDebug(e, "Could not read the ingestion lag from Redis");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    // A record struct cannot be volatile: the reading travels in a reference.
    private sealed record Snapshot(IngestionLag Lag, long PublishedHereBefore);
}

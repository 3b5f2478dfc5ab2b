using Loyalty.Grains.Ingestion;
using Loyalty.Streaming.Redis;
using Microsoft.Extensions.Options;

namespace Loyalty.Gateway.Events;

/// <summary>
/// The Redis profile's lag, read from the member-event streams every <see cref="IngestionOptions.LagPollInterval"/>;
/// requests read the last value, never Redis. While Redis does not answer the last value stands (publishing fails then anyway).
/// </summary>
public sealed class PolledIngestionLag(RedisStreamBacklog backlog, IOptions<IngestionOptions> options, ILogger<PolledIngestionLag> logger)
    : BackgroundService, IIngestionLag
{
    private volatile Snapshot last = new(IngestionLag.None);

    public IngestionLag Current => last.Lag;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.LagPollInterval);
        do
        {
            try
            {
                var reading = await backlog.Read();
                var age = reading.Oldest is { } oldest ? DateTimeOffset.UtcNow - oldest : TimeSpan.Zero;
                last = new Snapshot(new IngestionLag(reading.Events, age < TimeSpan.Zero ? TimeSpan.Zero : age));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogDebug(e, "Could not read the ingestion lag from Redis");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    // A record struct cannot be volatile: the value travels boxed in a reference.
    private sealed record Snapshot(IngestionLag Lag);
}

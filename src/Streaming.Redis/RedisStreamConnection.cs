using StackExchange.Redis;

namespace Loyalty.Streaming.Redis;

/// <summary>
/// The Redis connection of one stream provider: the host's shared multiplexer when
/// <see cref="RedisStreamOptions.CreateMultiplexer"/> is set, which is never disposed here, or else one of its own
/// made from <see cref="RedisStreamOptions.ConnectionString"/>. Opened on first use; a failed opening is tried again.
/// </summary>
public sealed class RedisStreamConnection(RedisStreamOptions options, IServiceProvider? services) : IAsyncDisposable
{
    private readonly Lock opening = new();
    private Task<IConnectionMultiplexer>? multiplexer;

    public bool IsShared => options.CreateMultiplexer is not null;

    public Task<IConnectionMultiplexer> Get()
    {
        lock (opening)
        {
            if (multiplexer is null || multiplexer.IsFaulted || multiplexer.IsCanceled)
            {
                multiplexer = Open();
            }

            return multiplexer;
        }
    }

    private async Task<IConnectionMultiplexer> Open()
    {
        if (options.CreateMultiplexer is { } create)
        {
            return await create(services ?? throw new InvalidOperationException(
                $"{nameof(RedisStreamOptions)}.{nameof(RedisStreamOptions.CreateMultiplexer)} is set, so the connection needs the host's services."));
        }

        return await Connect(options);
    }

    /// <summary>Connects without giving up when Redis is down at start; every call is bounded by the operation timeout.</summary>
    private static async Task<IConnectionMultiplexer> Connect(RedisStreamOptions options)
    {
        var configuration = ConfigurationOptions.Parse(options.ConnectionString);
        configuration.AbortOnConnectFail = false;
        var timeout = (int)options.OperationTimeout.TotalMilliseconds;
        configuration.ConnectTimeout = timeout;
        configuration.SyncTimeout = timeout;
        configuration.AsyncTimeout = timeout;
        return await ConnectionMultiplexer.ConnectAsync(configuration);
    }

    public async ValueTask DisposeAsync()
    {
        Task<IConnectionMultiplexer>? opened;
        lock (opening)
        {
            opened = multiplexer;
            multiplexer = null;
        }

        if (!IsShared && opened is { IsCompletedSuccessfully: true })
        {
            await opened.Result.DisposeAsync();
        }
    }
}

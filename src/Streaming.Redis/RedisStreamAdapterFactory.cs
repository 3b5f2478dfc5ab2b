using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers.Streams.Common;
using Orleans.Serialization;
using Orleans.Streams;
using StackExchange.Redis;

namespace Loyalty.Streaming.Redis;

/// <summary>Builds the Redis Streams adapter, its partition mapper and an in-memory delivery cache per partition.</summary>
public sealed class RedisStreamAdapterFactory(
    string name,
    RedisStreamOptions options,
    SimpleQueueCacheOptions cacheOptions,
    Serializer<RedisStreamBatchContainer> serializer,
    ILoggerFactory loggers)
    : IQueueAdapterFactory
{
    private readonly NumberedStreamQueueMapper mapper =
        new(new HashRingBasedStreamQueueMapper(new HashRingStreamQueueMapperOptions { TotalQueueCount = options.Partitions }, name));

    private readonly SimpleQueueAdapterCache cache = new(cacheOptions, name, loggers);
    private readonly Lazy<Task<IConnectionMultiplexer>> redis = new(() => Connect(options));

    public static IQueueAdapterFactory Create(IServiceProvider services, string name) => new RedisStreamAdapterFactory(
        name,
        services.GetRequiredService<IOptionsMonitor<RedisStreamOptions>>().Get(name),
        services.GetOptionsByName<SimpleQueueCacheOptions>(name),
        services.GetRequiredService<Serializer<RedisStreamBatchContainer>>(),
        services.GetRequiredService<ILoggerFactory>());

    public Task<IQueueAdapter> CreateAdapter() => CreateAdapter(CancellationToken.None);

    public async Task<IQueueAdapter> CreateAdapter(CancellationToken cancellationToken) =>
        new RedisStreamQueueAdapter(name, options, await redis.Value, mapper, serializer, loggers);

    public IQueueAdapterCache GetQueueAdapterCache() => cache;

    public IStreamQueueMapper GetStreamQueueMapper() => mapper;

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) =>
        Task.FromResult<IStreamFailureHandler>(new NoOpStreamDeliveryFailureHandler());

    /// <summary>Connects without giving up when Redis is down at start; every call is bounded by the operation timeout.</summary>
    internal static async Task<IConnectionMultiplexer> Connect(RedisStreamOptions options)
    {
        var configuration = ConfigurationOptions.Parse(options.ConnectionString);
        configuration.AbortOnConnectFail = false;
        var timeout = (int)options.OperationTimeout.TotalMilliseconds;
        configuration.ConnectTimeout = timeout;
        configuration.SyncTimeout = timeout;
        configuration.AsyncTimeout = timeout;
        return await ConnectionMultiplexer.ConnectAsync(configuration);
    }
}

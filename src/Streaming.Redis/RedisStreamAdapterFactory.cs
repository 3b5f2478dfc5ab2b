using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers.Streams.Common;
using Orleans.Serialization;
using Orleans.Streams;

namespace Loyalty.Streaming.Redis;

/// <summary>Builds the Redis Streams adapter, its partition mapper and an in-memory delivery cache per partition.</summary>
public sealed class RedisStreamAdapterFactory(
    string name,
    RedisStreamOptions options,
    RedisStreamConnection connection,
    SimpleQueueCacheOptions cacheOptions,
    Serializer<RedisStreamBatchContainer> serializer,
    ILoggerFactory loggers)
    : IQueueAdapterFactory
{
    private readonly NumberedStreamQueueMapper mapper =
        new(new HashRingBasedStreamQueueMapper(new HashRingStreamQueueMapperOptions { TotalQueueCount = options.Partitions }, name));

    private readonly SimpleQueueAdapterCache cache = new(cacheOptions, name, loggers);

    public static IQueueAdapterFactory Create(IServiceProvider services, string name)
    {
        var options = services.GetRequiredService<IOptionsMonitor<RedisStreamOptions>>().Get(name);
        return new RedisStreamAdapterFactory(
            name,
            options,
            new RedisStreamConnection(options, services),
            services.GetOptionsByName<SimpleQueueCacheOptions>(name),
            services.GetRequiredService<Serializer<RedisStreamBatchContainer>>(),
            services.GetRequiredService<ILoggerFactory>());
    }

    public Task<IQueueAdapter> CreateAdapter() => CreateAdapter(CancellationToken.None);

    public async Task<IQueueAdapter> CreateAdapter(CancellationToken cancellationToken) =>
        new RedisStreamQueueAdapter(name, options, await connection.Get().WaitAsync(cancellationToken), mapper, serializer, loggers);

    public IQueueAdapterCache GetQueueAdapterCache() => cache;

    public IStreamQueueMapper GetStreamQueueMapper() => mapper;

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) =>
        Task.FromResult<IStreamFailureHandler>(new NoOpStreamDeliveryFailureHandler());
}

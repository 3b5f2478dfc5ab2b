using Loyalty.ClusterScript;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Streams;
using StackExchange.Redis;

namespace Loyalty.Streaming.Redis.Tests;

/// <summary>
/// The provider against a throw-away redis-server, seen as several silos would see it: each silo is a
/// consumer of its own name with its own connection (<see cref="SiloStreams"/>), all publishing to and reading from the same partitions.
/// </summary>
public sealed class StreamsOnRedis : IAsyncDisposable
{
    public const string ProviderName = "events";

    private readonly ThrowawayRedis redis;
    private readonly Action<RedisStreamOptions> configure;
    private readonly ServiceProvider services;
    private readonly List<RedisStreamConnection> connections = [];

    private StreamsOnRedis(ThrowawayRedis redis, Action<RedisStreamOptions> configure)
    {
        this.redis = redis;
        this.configure = configure;
        services = new ServiceCollection().AddSerializer().AddSingleton(redis.Database.Multiplexer).BuildServiceProvider();
    }

    public static async Task<StreamsOnRedis> Start(Action<RedisStreamOptions>? configure = null) =>
        new(await ThrowawayRedis.Start(), configure ?? (_ => { }));

    public IDatabase Database => redis.Database;

    public IServiceProvider Services => services;

    public Serializer<RedisStreamBatchContainer> Serializer => services.GetRequiredService<Serializer<RedisStreamBatchContainer>>();

    /// <summary>The options a silo of this consumer name would run with: two partitions under the key prefix "test".</summary>
    public RedisStreamOptions Options(string consumer)
    {
        var options = new RedisStreamOptions { ConnectionString = redis.Configuration, KeyPrefix = "test", Partitions = 2, ConsumerName = consumer };
        configure(options);
        return options;
    }

    /// <summary>A stream on partition 0 (the provider maps a key ending in "/n" to partition n).</summary>
    public static StreamId Stream(string name) => StreamId.Create("test", $"{name}/0");

    public async Task<SiloStreams> Silo(string consumer)
    {
        var options = Options(consumer);
        var connection = new RedisStreamConnection(options, services);
        connections.Add(connection);
        var factory = new RedisStreamAdapterFactory(ProviderName, options, connection, new SimpleQueueCacheOptions(), Serializer, NullLoggerFactory.Instance);
        return new SiloStreams(factory, await factory.CreateAdapter(TestContext.Current.CancellationToken));
    }

    /// <summary>A receiver of partition 0 on a silo of its own, for a silo that only reads.</summary>
    public async Task<IQueueAdapterReceiver> Receiver(string consumer) => await (await Silo(consumer)).Receiver();

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }

        await services.DisposeAsync();
        await redis.DisposeAsync();
    }
}

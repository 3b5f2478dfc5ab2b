using Orleans.Hosting;

namespace Loyalty.Streaming.Redis;

/// <summary>
/// Registers the provider. Named after how it reads (Redis consumer groups, entries acknowledged and deleted once
/// delivered) so that it never collides with Orleans' own <c>AddRedisStreams</c>, which reads by checkpoint.
/// </summary>
public static class RedisConsumerGroupStreamsHostingExtensions
{
    /// <summary>A durable stream provider on Redis Streams, consumed by this silo's pulling agents.</summary>
    public static ISiloBuilder AddRedisConsumerGroupStreams(
        this ISiloBuilder silo, string name, Action<RedisStreamOptions> configure, Action<ISiloPersistentStreamConfigurator>? configureStream = null)
    {
        var stream = new SiloRedisConsumerGroupStreamConfigurator(name, services => silo.ConfigureServices(services));
        stream.ConfigureRedis(configure);
        configureStream?.Invoke(stream);
        return silo;
    }

    /// <summary>The same provider on a client, which only publishes (the gateway).</summary>
    public static IClientBuilder AddRedisConsumerGroupStreams(
        this IClientBuilder client, string name, Action<RedisStreamOptions> configure, Action<IClusterClientPersistentStreamConfigurator>? configureStream = null)
    {
        var stream = new ClusterClientRedisConsumerGroupStreamConfigurator(name, client);
        stream.ConfigureRedis(configure);
        configureStream?.Invoke(stream);
        return client;
    }
}

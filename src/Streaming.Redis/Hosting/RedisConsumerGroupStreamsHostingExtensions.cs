using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;

namespace Loyalty.Streaming.Redis;

public static class RedisStreamsHostingExtensions
{
    /// <summary>A durable stream provider on Redis Streams, consumed by this silo's pulling agents.</summary>
    public static ISiloBuilder AddRedisStreams(
        this ISiloBuilder silo, string name, Action<RedisStreamOptions> configure, Action<ISiloPersistentStreamConfigurator>? configureStream = null)
    {
        silo.Services.Configure(name, configure);
        return silo.AddPersistentStreams(name, RedisStreamAdapterFactory.Create, stream => configureStream?.Invoke(stream));
    }

    /// <summary>The same provider on a client, which only publishes (the gateway).</summary>
    public static IClientBuilder AddRedisStreams(
        this IClientBuilder client, string name, Action<RedisStreamOptions> configure, Action<IClusterClientPersistentStreamConfigurator>? configureStream = null)
    {
        client.Services.Configure(name, configure);
        return client.AddPersistentStreams(name, RedisStreamAdapterFactory.Create, configureStream);
    }
}

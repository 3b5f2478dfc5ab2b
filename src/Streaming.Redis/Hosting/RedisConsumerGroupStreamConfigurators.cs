using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;

namespace Loyalty.Streaming.Redis;

/// <summary>A silo's persistent-stream provider on Redis consumer groups, its options checked when the silo starts.</summary>
public sealed class SiloRedisConsumerGroupStreamConfigurator : SiloPersistentStreamConfigurator
{
    public SiloRedisConsumerGroupStreamConfigurator(string name, Action<Action<IServiceCollection>> configureServices)
        : base(name, configureServices, RedisStreamAdapterFactory.Create) =>
        ConfigureDelegate(services => RedisStreamOptionsValidator.Register(services, name));

    public SiloRedisConsumerGroupStreamConfigurator ConfigureRedis(Action<RedisStreamOptions> configure)
    {
        this.Configure<RedisStreamOptions>(options => options.Configure(configure));
        return this;
    }
}

/// <summary>A client's (publishing) side of the same provider, its options checked when the client starts.</summary>
public sealed class ClusterClientRedisConsumerGroupStreamConfigurator : ClusterClientPersistentStreamConfigurator
{
    public ClusterClientRedisConsumerGroupStreamConfigurator(string name, IClientBuilder client)
        : base(name, client, RedisStreamAdapterFactory.Create) =>
        client.ConfigureServices(services => RedisStreamOptionsValidator.Register(services, name));

    public ClusterClientRedisConsumerGroupStreamConfigurator ConfigureRedis(Action<RedisStreamOptions> configure)
    {
        this.Configure<RedisStreamOptions>(options => options.Configure(configure));
        return this;
    }
}

using Loyalty.Grains.Interfaces.Events;
using Loyalty.Streaming.Redis;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using StackExchange.Redis;

namespace Loyalty.Silo;

public static class LoyaltyClientBuilderExtensions
{
    /// <summary>How long a gateway waits for a grain call: short, so calls caught by a dying silo fail over quickly.</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Joins the Redis profile's cluster as a client that publishes member events to Redis Streams.</summary>
    public static IClientBuilder AddLoyaltyClient(this IClientBuilder client, LoyaltyHostingOptions options)
    {
        var redis = ConfigurationOptions.Parse(options.Redis);
        client.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });
        client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = ResponseTimeout);
        client.UseRedisClustering(clustering => clustering.ConfigurationOptions = redis.Clone());
        client.AddRedisConsumerGroupStreams(MemberEventStream.ProviderName, streams => options.ConfigureRedisStreams(streams));
        client.AddActivityPropagation();
        return client;
    }
}

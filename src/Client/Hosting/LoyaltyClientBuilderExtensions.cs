using Loyalty.Client.Azure;
using Loyalty.Client.Redis;
using Loyalty.Grains.Interfaces.Events;
using Loyalty.Streaming.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using StackExchange.Redis;

namespace Loyalty.Client.Hosting;

public static class LoyaltyClientBuilderExtensions
{
    /// <summary>
    /// Joins the cluster of the Redis or Azure Storage profile as a client that publishes member events to the
    /// profile's durable stream (Redis Streams or Azure queues).
    /// </summary>
    public static IClientBuilder AddLoyaltyClient(this IClientBuilder client, LoyaltyHostingOptions options, IConfiguration configuration)
    {
        client.Services.AddLoyaltyClusterIdentity(options);
        client.Services.AddLoyaltyOptions<FailoverOptions>();
        client.Services.AddOptions<ClientMessagingOptions>().Configure<IOptions<FailoverOptions>>(
            (messaging, failover) => messaging.ResponseTimeout = failover.Value.ClientResponseTimeout);
        if (options.IsAzure)
        {
            var storage = client.Services.AddLoyaltyAzureStorage(configuration);
            client.UseAzureStorageClustering(clustering => clustering.Configure(o => o.TableServiceClient = storage.Tables));
            client.AddAzureQueueStreams(MemberEventStream.ProviderName, stream => stream.ConfigureAzureQueue(queues => queues.ConfigureMemberQueues(options, storage)));
        }
        else
        {
            var redis = ConfigurationOptions.Parse(options.Redis);
            client.UseRedisClustering(clustering => clustering.ConfigurationOptions = redis.Clone());
            client.Services.AddLoyaltyRedis(options);
            client.AddRedisConsumerGroupStreams(MemberEventStream.ProviderName, streams => options.ConfigureRedisStreams(streams));
        }

        client.AddActivityPropagation();
        return client;
    }

    public static void ConfigureRedisStreams(this LoyaltyHostingOptions options, RedisStreamOptions streams)
    {
        streams.ConnectionString = options.Redis;
        streams.CreateMultiplexer = async services => await services.GetRequiredService<LoyaltyRedis>().Connection;
        streams.KeyPrefix = $"{options.ServiceId}:member-events";
        streams.Partitions = options.StreamPartitions;
        // The pending count of a partition is in member events, the unit of the gateway's lag bound.
        streams.Weigh = item => item is PartitionEventBatch batch ? batch.Members.Sum(member => member.Events.Length) : 1;
    }
}

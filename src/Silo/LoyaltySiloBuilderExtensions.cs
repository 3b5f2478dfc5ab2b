using Loyalty.Client.Hosting;
using System.Net;
using Loyalty.Grains;
using Loyalty.Client;
using Loyalty.Grains.DeadLetters;
using Loyalty.Grains.Ingestion;
using Loyalty.Grains.Kpis;
using Loyalty.Client.Ingestion;
using Loyalty.Grains.Interfaces.Events;
using Loyalty.Grains.Leaderboards;
using Loyalty.Grains.Members;
using Loyalty.Grains.Members.Storage;
using Loyalty.Grains.Notifications;
using Loyalty.Grains.Programs;
using Loyalty.Grains.Rewards;
using Loyalty.Client.Programs;
using Loyalty.Grains.Scheduling;
using Loyalty.Silo.Storage;
using Loyalty.Silo.Streams;
using Loyalty.Streaming.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Runtime.Providers;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.Streams;
using Loyalty.Client.Redis;
using StackExchange.Redis;

namespace Loyalty.Silo;

public static class LoyaltySiloBuilderExtensions
{
    /// <summary>A silo of the configured profile, clustering included.</summary>
    public static ISiloBuilder AddLoyaltySilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = LoyaltyHostingOptions.From(configuration);
        silo.Services.AddLoyaltyClusterIdentity(options);
        if (!options.IsRedis)
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
            return silo.AddLoyaltyGrains(options);
        }

        var redis = ConfigurationOptions.Parse(options.Redis);
        if (options.Kubernetes)
        {
            // Pod IP endpoints, and pods that vanish are declared dead at once; cluster identity stays the tree's.
            silo.UseKubernetesHosting();
        }
        else
        {
            silo.ConfigureEndpoints(IPAddress.Loopback, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: false);
        }

        silo.UseRedisClustering(clustering => clustering.ConfigurationOptions = redis.Clone());
        silo.AddRedisGrainStorage(StorageNames.Loyalty, storage =>
        {
            storage.ConfigurationOptions = redis.Clone();
            storage.DeleteStateOnClear = true; // an erased member leaves no key behind
        });
        silo.UseRedisReminderService(reminders => reminders.ConfigurationOptions = redis.Clone());
        silo.AddRedisConsumerGroupStreams(MemberEventStream.ProviderName, streams => options.ConfigureRedisStreams(streams), stream =>
        {
            stream.ConfigureMemberStream(options);
            stream.ConfigurePullingAgent(agent => agent.Configure<IOptions<StreamRetryOptions>>(
                (pulling, retries) => pulling.MaxEventDeliveryTime = retries.Value.GiveUpAfter));
        });
        silo.AddLoyaltyFailover();
        silo.Services.AddLoyaltyRedis(options);
        silo.Services.AddSingleton<IBoardShardStore>(services => new RedisBoardShardStore(services.GetRequiredService<LoyaltyRedis>(), $"{options.ServiceId}:boards"));
        silo.Services.AddSingleton<IDueWorkStore>(services => new RedisDueWorkStore(services.GetRequiredService<LoyaltyRedis>(), $"{options.ServiceId}:due"));
        silo.Services.AddSingleton<ILedgerStore>(services => new RedisLedgerStore(services.GetRequiredService<LoyaltyRedis>(), $"{options.ServiceId}:ledger"));
        silo.Services.AddSingleton<IMemberDirectory>(services => new RedisMemberDirectory(services.GetRequiredService<LoyaltyRedis>(), $"{options.ServiceId}:members"));
        return silo.AddLoyaltyServices();
    }

    /// <summary>
    /// The embedded profile's grains without clustering: in-process storage, memory streams and reminders.
    /// A test cluster of several silos in one process gives them one <see cref="InProcessGrainStorage"/> to share.
    /// </summary>
    public static ISiloBuilder AddLoyaltyGrains(this ISiloBuilder silo, LoyaltyHostingOptions options)
    {
        silo.Services.TryAddSingleton<InProcessGrainStorage>();
        silo.Services.AddGrainStorage(StorageNames.Loyalty, (services, _) => services.GetRequiredService<InProcessGrainStorage>());
        silo.Services.TryAddSingleton<IBoardShardStore, MemoryBoardShardStore>();
        silo.Services.TryAddSingleton<IDueWorkStore, InProcessDueWorkStore>();
        silo.Services.TryAddSingleton<ILedgerStore, InProcessLedgerStore>();
        silo.Services.TryAddSingleton<IMemberDirectory, InProcessMemberDirectory>();
        // Publisher and partition grains share this process: they count the lag in and out here.
        silo.Services.TryAddSingleton(_ => new IngestionLagTracker(TimeProvider.System));
        silo.Services.TryAddSingleton<IIngestionLag>(services => services.GetRequiredService<IngestionLagTracker>());
        silo.Services.TryAddSingleton<IPublicationCounter>(services => services.GetRequiredService<IngestionLagTracker>());
        // Memory streams are not durable: members need not wait for their scores to be stored.
        silo.Services.Configure<LeaderboardOptions>(boards => boards.StoreBeforeAcknowledge = false);
        silo.Services.Configure<KpiOptions>(kpis => kpis.StoreBeforeAcknowledge = false);
        silo.UseInMemoryReminderService();
        silo.AddMemoryStreams(MemberEventStream.ProviderName, stream =>
        {
            stream.ConfigurePartitioning(options.StreamPartitions);
            stream.ConfigureMemberStream(options);
        });
        return silo.AddLoyaltyServices();
    }

    private static ISiloBuilder AddLoyaltyServices(this ISiloBuilder silo)
    {
        // States are JSON, compressed when large enough to gain: what a durable store holds per member.
        silo.Services.AddSingleton<SystemTextJsonGrainStorageSerializer>();
        silo.Services.AddSingleton<IGrainStorageSerializer>(services =>
            new CompressedGrainStorageSerializer(services.GetRequiredService<SystemTextJsonGrainStorageSerializer>()));

        // Members are stored in their own versioned schema, not as the rule book's types.
        silo.Services.Configure<SystemTextJsonGrainStorageSerializerOptions>(
            storage => storage.JsonSerializerOptions.Converters.Add(new StoredMemberJsonConverter()));
        silo.AddActivityPropagation();

        // The dashboard's silo side: grain call statistics, profiled only while someone watches the page.
        silo.AddDashboard();
        silo.Services.AddLoyaltyClock();
        silo.Services.AddProgramRulesCache();
        silo.Services.TryAddSingleton<DueWorkerStarts>();
        silo.Services.AddLoyaltyOptions<LeaderboardOptions>();
        silo.Services.AddLoyaltyOptions<PartitionDeliveryOptions>();
        silo.Services.AddLoyaltyOptions<DueWorkOptions>();
        silo.Services.AddLoyaltyOptions<DeadLetterOptions>();
        silo.Services.AddLoyaltyOptions<NotificationOptions>();
        silo.Services.AddLoyaltyOptions<KpiOptions>();
        silo.Services.AddLoyaltyOptions<WebhookOptions>();
        silo.Services.AddLoyaltyOptions<RewardOptions>();
        silo.Services.AddLoyaltyOptions<StreamRetryOptions>();
        silo.Services.AddWebhookClient();
        return silo;
    }

    /// <summary>
    /// Member events reach member grains by implicit subscription only, polled often and delivered in batches;
    /// failed deliveries and reads are retried as <see cref="StreamRetryOptions"/> say, not after Orleans' 30 s.
    /// </summary>
    private static void ConfigureMemberStream(this ISiloPersistentStreamConfigurator stream, LoyaltyHostingOptions options)
    {
        stream.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
        stream.ConfigurePullingAgent(agent => agent.Configure(pulling =>
        {
            pulling.GetQueueMsgsTimerPeriod = options.StreamPollInterval;
            pulling.BatchContainerBatchSize = options.StreamDeliveryBatchSize;
        }));
        stream.ConfigureBackoffProvider((services, _) => (IMessageDeliveryBackoffProvider)StreamRetryBackoff.Delivery(services));
        stream.ConfigureBackoffProvider((services, _) => (IQueueReaderBackoffProvider)StreamRetryBackoff.QueueRead(services));
    }
}

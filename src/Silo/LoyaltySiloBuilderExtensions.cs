using Loyalty.Client.Hosting;
using System.Net;
using Loyalty.Grains;
using Loyalty.Client;
using Loyalty.Grains.DeadLetters;
using Loyalty.Grains.Ingestion;
using Loyalty.Client.Ingestion;
using Loyalty.Grains.Interfaces.Events;
using Loyalty.Grains.Leaderboards;
using Loyalty.Grains.Members;
using Loyalty.Grains.Members.Storage;
using Loyalty.Grains.Notifications;
using Loyalty.Grains.Programs;
using Loyalty.Client.Programs;
using Loyalty.Grains.Scheduling;
using Loyalty.Silo.Storage;
using Loyalty.Silo.Streams;
using Loyalty.Streaming.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
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
        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });
        if (!options.IsRedis)
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
            return silo.AddLoyaltyGrains(options);
        }

        var redis = ConfigurationOptions.Parse(options.Redis);
        if (options.Kubernetes)
        {
            // Pod IP endpoints, cluster identity from pod labels, and pods that vanish are declared dead at once.
            silo.UseKubernetesHosting();
        }
        else
        {
            silo.ConfigureEndpoints(IPAddress.Loopback, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: false);
        }

        silo.UseRedisClustering(clustering => clustering.ConfigurationOptions = redis.Clone());
        silo.AddRedisGrainStorage(StorageNames.Loyalty, storage => storage.ConfigurationOptions = redis.Clone());
        silo.UseRedisReminderService(reminders => reminders.ConfigurationOptions = redis.Clone());
        silo.AddRedisConsumerGroupStreams(MemberEventStream.ProviderName, streams => options.ConfigureRedisStreams(streams), stream =>
        {
            stream.ConfigureMemberStream(options);
            // A delivery that fails (Redis or a silo away) is retried this long before Orleans gives up on the batch:
            // long enough to ride out outages, since a batch given up is not acknowledged and must wait to be claimed.
            stream.ConfigurePullingAgent(agent => agent.Configure(pulling => pulling.MaxEventDeliveryTime = TimeSpan.FromMinutes(30)));
        });
        silo.Configure<ClusterMembershipOptions>(FastFailover.Configure);
        // Members wait for their scores to be stored (about PersistInterval) before answering: many may wait at once.
        silo.Services.Configure<PartitionDeliveryOptions>(delivery => delivery.MembersInFlight = 1_024);
        silo.Services.AddLoyaltyRedis(options.Redis);
        silo.Services.AddSingleton<IBoardShardStore>(services => new RedisBoardShardStore(services.GetRequiredService<LoyaltyRedis>(), $"{options.ServiceId}:boards"));
        silo.Services.AddSingleton<IDueWorkStore>(services => new RedisDueWorkStore(services.GetRequiredService<LoyaltyRedis>(), $"{options.ServiceId}:due"));
        silo.Services.AddSingleton<ILedgerStore>(services => new RedisLedgerStore(services.GetRequiredService<LoyaltyRedis>(), $"{options.ServiceId}:ledger"));
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
        // Publisher and partition grains share this process: they count the lag in and out here.
        silo.Services.TryAddSingleton(_ => new IngestionLagTracker(TimeProvider.System));
        silo.Services.TryAddSingleton<IIngestionLag>(services => services.GetRequiredService<IngestionLagTracker>());
        silo.Services.TryAddSingleton<IPublicationCounter>(services => services.GetRequiredService<IngestionLagTracker>());
        // Memory streams are not durable: members need not wait for their scores to be stored.
        silo.Services.Configure<LeaderboardOptions>(boards => boards.StoreBeforeAcknowledge = false);
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
        silo.Services.AddLoyaltyClock();
        silo.Services.TryAddSingleton<ProgramRulesCache>();
        silo.Services.TryAddSingleton<DueWorkerStarts>();
        silo.Services.AddOptions<LeaderboardOptions>().BindConfiguration("Loyalty:Leaderboards")
            .Validate(boards => boards.Shards is >= 1 and <= 1_024, "Loyalty:Leaderboards:Shards must be between 1 and 1024")
            .Validate(boards => boards.FlushInterval > TimeSpan.Zero && boards.FlushInterval <= TimeSpan.FromMilliseconds(50),
                "Loyalty:Leaderboards:FlushInterval must be above 0 and at most 50 ms")
            .Validate(boards => boards.PersistInterval > TimeSpan.Zero, "Loyalty:Leaderboards:PersistInterval must be above 0")
            .ValidateOnStart();
        silo.Services.AddOptions<PartitionDeliveryOptions>().BindConfiguration("Loyalty:PartitionDelivery")
            .Validate(delivery => delivery.MembersInFlight >= 1, "Loyalty:PartitionDelivery:MembersInFlight must be at least 1")
            .ValidateOnStart();
        silo.Services.AddOptions<DueWorkOptions>().BindConfiguration("Loyalty:DueWork")
            .Validate(due => due.Slices is >= 1 and <= 1_024, "Loyalty:DueWork:Slices must be between 1 and 1024")
            .Validate(due => due.PollInterval > TimeSpan.Zero && due.PollInterval <= TimeSpan.FromMinutes(1), "Loyalty:DueWork:PollInterval must be above 0 and at most 1 minute")
            .Validate(due => due.Batch is >= 1 and <= 10_000, "Loyalty:DueWork:Batch must be between 1 and 10000")
            .Validate(due => due.Lease >= TimeSpan.FromSeconds(1), "Loyalty:DueWork:Lease must be at least 1 second")
            .ValidateOnStart();
        silo.Services.AddOptions<DeadLetterOptions>().BindConfiguration("Loyalty:DeadLetters")
            .Validate(letters => letters.Capacity is >= 1 and <= 1_000_000, "Loyalty:DeadLetters:Capacity must be between 1 and 1000000")
            .ValidateOnStart();
        silo.Services.AddOptions<NotificationOptions>().BindConfiguration("Loyalty:Notifications")
            .Validate(n => n.Slices is >= 1 and <= 1_024, "Loyalty:Notifications:Slices must be between 1 and 1024")
            .Validate(n => n.InitialBackoff > TimeSpan.Zero && n.MaxBackoff >= n.InitialBackoff,
                "Loyalty:Notifications:InitialBackoff must be above 0 and MaxBackoff at least as long")
            .Validate(n => n.RequestTimeout > TimeSpan.Zero, "Loyalty:Notifications:RequestTimeout must be above 0")
            .Validate(n => n.MaxQueued >= 1, "Loyalty:Notifications:MaxQueued must be at least 1")
            .ValidateOnStart();
        silo.Services.AddWebhookClient();
        return silo;
    }

    private static readonly StreamRetryBackoff DeliveryBackoff = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1));
    private static readonly StreamRetryBackoff QueueReadBackoff = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5));

    /// <summary>
    /// Member events reach member grains by implicit subscription only, polled often and delivered in batches;
    /// failed deliveries and reads are retried within a second or a few, not Orleans' 30 s.
    /// </summary>
    private static void ConfigureMemberStream(this ISiloPersistentStreamConfigurator stream, LoyaltyHostingOptions options)
    {
        stream.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
        stream.ConfigurePullingAgent(agent => agent.Configure(pulling =>
        {
            pulling.GetQueueMsgsTimerPeriod = options.StreamPollInterval;
            pulling.BatchContainerBatchSize = options.StreamDeliveryBatchSize;
        }));
        stream.ConfigureBackoffProvider((_, _) => (IMessageDeliveryBackoffProvider)DeliveryBackoff);
        stream.ConfigureBackoffProvider((_, _) => (IQueueReaderBackoffProvider)QueueReadBackoff);
    }
}

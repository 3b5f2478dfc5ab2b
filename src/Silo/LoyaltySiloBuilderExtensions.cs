using Loyalty.Grains;
using Loyalty.Grains.Interfaces.Events;
using Loyalty.Grains.Programs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Streams;

namespace Loyalty.Silo;

public static class LoyaltySiloBuilderExtensions
{
    /// <summary>Everything a silo of ours needs except clustering: storage, streams, reminders and services.</summary>
    public static ISiloBuilder AddLoyaltyGrains(this ISiloBuilder silo, LoyaltyHostingOptions options)
    {
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.AddMemoryGrainStorage(StorageNames.Loyalty);
        silo.UseInMemoryReminderService();
        silo.AddMemoryStreams(MemberEventStream.ProviderName, stream =>
        {
            stream.ConfigurePartitioning(options.StreamPartitions);
            stream.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
            stream.ConfigurePullingAgent(agent => agent.Configure(pulling =>
            {
                pulling.GetQueueMsgsTimerPeriod = options.StreamPollInterval;
                pulling.BatchContainerBatchSize = options.StreamDeliveryBatchSize;
            }));
        });
        silo.AddActivityPropagation();
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddSingleton<ProgramRulesCache>();
        return silo;
    }

    /// <summary>The silo of the embedded profile: a single silo on localhost.</summary>
    public static ISiloBuilder AddLoyaltyEmbeddedSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = configuration.GetSection(LoyaltyHostingOptions.Section).Get<LoyaltyHostingOptions>() ?? new();
        silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort);
        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = "loyalty";
            cluster.ServiceId = "loyalty";
        });
        return silo.AddLoyaltyGrains(options);
    }
}

using Loyalty.Grains;
using Loyalty.Grains.Scheduling;
using Loyalty.Grains.Interfaces.Events;
using Loyalty.Silo;
using Loyalty.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Loyalty.Tests.Shared;
using Orleans.Storage;
using Orleans.TestingHost;

[assembly: AssemblyFixture(typeof(Loyalty.Grains.Tests.ClusterFixture))]

namespace Loyalty.Grains.Tests;

/// <summary>Two silos with our grains, storage and streams, in one process; the client publishes like the gateway.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private static readonly LoyaltyHostingOptions Options = new();

    // One store for both silos, as a real cluster shares its database: a grain reactivated elsewhere finds its state.
    private static readonly InProcessGrainStorage Storage = new();

    private static readonly InProcessDueWorkStore DueWork = new();

    /// <summary>Every write the silos make, counted per grain.</summary>
    public static readonly CountingGrainStorage Writes = new(Storage);

    public InProcessTestCluster Cluster { get; } = new InProcessTestClusterBuilder(2)
        .ConfigureSilo((_, silo) => silo.AddLoyaltyGrains(Options).Services.AddSingleton(Storage).AddKeyedSingleton(LoyaltyClock.Key, TestClock.Provider)
            .AddKeyedSingleton<IGrainStorage>(StorageNames.Loyalty, Writes)
            .AddSingleton<IDueWorkStore>(DueWork).Configure<DueWorkOptions>(due => due.PollInterval = TimeSpan.FromMilliseconds(100)))
        .ConfigureClient(client => client.AddMemoryStreams(MemberEventStream.ProviderName,
            stream => stream.ConfigurePartitioning(Options.StreamPartitions)))
        .Build();

    public IClusterClient Client => Cluster.Client;

    public async ValueTask InitializeAsync() => await Cluster.DeployAsync();

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}

using Loyalty.Client.Hosting;
using Loyalty.Grains;
using Loyalty.Client;
using Loyalty.Grains.Scheduling;
using Loyalty.Grains.Members;
using Loyalty.Grains.Notifications;
using Loyalty.Grains.Interfaces.Events;
using Loyalty.Silo;
using Loyalty.Silo.Storage;
using Loyalty.Client.Ingestion;
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

    /// <summary>One ledger store for both silos, for the same reason.</summary>
    public static readonly InProcessLedgerStore Ledgers = new();

    /// <summary>What the silos append through: the shared store, refusing the programs a test chooses.</summary>
    public static readonly RefusingLedgerStore LedgerAppends = new(Ledgers);

    /// <summary>One member directory for both silos, refusing the programs a test chooses.</summary>
    public static readonly Members.RefusingMemberDirectory Directory = new(new InProcessMemberDirectory());

    /// <summary>Every write the silos make, counted per grain.</summary>
    public static readonly CountingGrainStorage Writes = new(Storage);

    /// <summary>Few enough that a test can make a KPI slice forget ids.</summary>
    public const int KpiRecentIdsKept = 1_000;

    public InProcessTestCluster Cluster { get; } = new InProcessTestClusterBuilder(2)
        .ConfigureSilo((_, silo) => silo.AddLoyaltyGrains(Options).Services.AddSingleton(Storage).AddSingleton<ILedgerStore>(LedgerAppends).AddSingleton<IMemberDirectory>(Directory).AddKeyedSingleton(LoyaltyClock.Key, TestClock.Provider)
            .AddKeyedSingleton<IGrainStorage>(StorageNames.Loyalty, Writes)
            .AddSingleton<IDueWorkStore>(DueWork).Configure<DueWorkOptions>(due => due.PollInterval = TimeSpan.FromMilliseconds(100))
            .Configure<WebhookOptions>(webhooks => webhooks.AllowPrivateNetworks = true) // tests aim webhooks at loopback
            .Configure<Loyalty.Grains.Kpis.KpiOptions>(kpis => kpis.RecentIdsKept = KpiRecentIdsKept))
        .ConfigureClient(client => client.AddMemoryStreams(MemberEventStream.ProviderName,
            stream => stream.ConfigurePartitioning(Options.StreamPartitions)))
        .Build();

    public IClusterClient Client => Cluster.Client;

    /// <summary>Stores a state as if an earlier version had written it, before the grain is first activated.</summary>
    public static Task Seed<T>(string stateName, GrainId grainId, T state) =>
        Storage.WriteStateAsync(stateName, grainId, new GrainState<T>(state));

    public async ValueTask InitializeAsync() => await Cluster.DeployAsync();

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}

using Loyalty.Client.Azure;
using Loyalty.Client;
using Loyalty.Client.Hosting;
using Loyalty.Grains;
using Loyalty.Grains.Interfaces.Events;
using Loyalty.Grains.Leaderboards;
using Loyalty.Grains.Members;
using Loyalty.Grains.Scheduling;
using Loyalty.Silo.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Silo;

public static class AzureStorageProfile
{
    /// <summary>
    /// Membership, grain state and reminders in Azure Tables (Orleans' providers, tables OrleansSiloInstances,
    /// OrleansGrainState, OrleansReminders), member events on Azure queues (one per partition), and our own stores in
    /// tables named after the service: ledgers, board shards, due times, the member directory.
    /// </summary>
    public static void AddAzureStorageProfile(this ISiloBuilder silo, LoyaltyHostingOptions options, IConfiguration configuration)
    {
        var storage = silo.Services.AddLoyaltyAzureStorage(configuration);
        silo.UseAzureStorageClustering(clustering => clustering.Configure(o => o.TableServiceClient = storage.Tables));
        silo.AddAzureTableGrainStorage(StorageNames.Loyalty, grains =>
        {
            grains.TableServiceClient = storage.Tables;
            grains.DeleteStateOnClear = true; // an erased member leaves no row behind
        });
        silo.UseAzureTableReminderService(reminders => reminders.Configure(o => o.TableServiceClient = storage.Tables));
        silo.AddAzureQueueStreams(MemberEventStream.ProviderName, stream =>
        {
            stream.ConfigureAzureQueue(queues => queues.ConfigureMemberQueues(options, storage));
            stream.ConfigureCacheSize(storage.Options.QueueCacheSize);
            stream.ConfigureMemberStream(options);
            stream.ConfigurePullingAgent(agent => agent.Configure(pulling => pulling.GetQueueMsgsTimerPeriod = storage.Options.QueuePollInterval));
            stream.ConfigureGivingUp();
        });

        Func<Task<Azure.Data.Tables.TableClient>> Table(string what) => storage.TableOnFirstUse(AzureNames.Table(options.ServiceId, what));
        silo.Services.AddSingleton<ILedgerStore>(new AzureTableLedgerStore(Table("ledger")));
        silo.Services.AddSingleton<IBoardShardStore>(services =>
            new AzureTableBoardShardStore(Table("boards"), services.GetRequiredKeyedService<TimeProvider>(LoyaltyClock.Key)));
        silo.Services.AddSingleton<IDueWorkStore>(new AzureTableDueWorkStore(Table("due")));
        silo.Services.AddSingleton<IMemberDirectory>(new AzureTableMemberDirectory(Table("members")));
    }
}

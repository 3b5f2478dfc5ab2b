using Azure.Data.Tables;
using Loyalty.Client.Azure;
using Loyalty.Client.Redis;
using Loyalty.ClusterScript;
using Loyalty.Grains.Leaderboards;
using Loyalty.Grains.Members;
using Loyalty.Grains.Scheduling;
using Loyalty.Silo.Storage;

namespace Loyalty.Cluster.Tests;

/// <summary>A throw-away store of a durable profile ("redis" or "azure") and our stores on it, as its silos build them.</summary>
public sealed class StoreServer : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> owned = [];
    private ThrowawayRedis? redis;
    private LoyaltyAzureStorage? azure;

    private StoreServer()
    {
    }

    public static TheoryData<string> Profiles => ["redis", "azure"];

    public static async Task<StoreServer> Start(string profile)
    {
        var server = new StoreServer();
        if (profile == "azure")
        {
            var azurite = await ThrowawayAzurite.Start();
            server.owned.Add(azurite);
            server.azure = new LoyaltyAzureStorage(new AzureStorageOptions { ConnectionString = azurite.ConnectionString });
        }
        else
        {
            server.redis = await ThrowawayRedis.Start();
            server.owned.Add(server.redis);
        }

        return server;
    }

    /// <summary>A ledger store of its own connection, as each silo has.</summary>
    public ILedgerStore LedgerStore() => azure is { } storage
        ? new AzureTableLedgerStore(storage.TableOnFirstUse("tledger"))
        : new RedisLedgerStore(Connection(), "t:ledger");

    public IDueWorkStore DueWorkStore() => azure is { } storage
        ? new AzureTableDueWorkStore(storage.TableOnFirstUse("tdue"))
        : new RedisDueWorkStore(Connection(), "t:due");

    public IBoardShardStore BoardShardStore() => azure is { } storage
        ? new AzureTableBoardShardStore(storage.TableOnFirstUse("tboards"), TimeProvider.System)
        : new RedisBoardShardStore(Connection(), "t:boards");

    /// <summary>Entries the store holds for one member, however it holds them.</summary>
    public async Task<long> StoredLedgerEntries(string programId, string memberId)
    {
        if (redis is { } server)
        {
            return await server.Database.ListLengthAsync($"t:ledger:{programId}/{memberId}");
        }

        var table = await azure!.TableOnFirstUse("tledger")();
        return (await table.RowKeys(TableClient.CreateQueryFilter($"PartitionKey eq {$"{programId}|{memberId}"} and RowKey ge {"0"}"))).Count; // entry rows, not the head
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var disposable in Enumerable.Reverse(owned))
        {
            await disposable.DisposeAsync();
        }
    }

    private LoyaltyRedis Connection()
    {
        var connection = new LoyaltyRedis(redis!.Configuration, TimeSpan.FromSeconds(5));
        owned.Add(connection);
        return connection;
    }
}

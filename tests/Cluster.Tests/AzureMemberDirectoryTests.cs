using Loyalty.Client.Azure;
using Loyalty.ClusterScript;
using Loyalty.Grains.Members;
using Loyalty.Grains.Tests.Members;
using Loyalty.Silo.Storage;

namespace Loyalty.Cluster.Tests;

/// <summary>The Azure Storage profile's member directory against Azurite, held to the directory contract.</summary>
public sealed class AzureMemberDirectoryTests : MemberDirectoryContract, IAsyncLifetime
{
    private ThrowawayAzurite? azurite;
    private LoyaltyAzureStorage? storage;

    public async ValueTask InitializeAsync()
    {
        azurite = await ThrowawayAzurite.Start();
        storage = new LoyaltyAzureStorage(new AzureStorageOptions { ConnectionString = azurite.ConnectionString });
    }

    protected override Task<IMemberDirectory> Directory() =>
        Task.FromResult<IMemberDirectory>(new AzureTableMemberDirectory(storage!.TableOnFirstUse($"tmembers{Guid.NewGuid():N}"[..20])));

    public async ValueTask DisposeAsync() => await azurite!.DisposeAsync();
}

using Loyalty.Client.Redis;
using Loyalty.ClusterScript;
using Loyalty.Grains.Members;
using Loyalty.Grains.Tests.Members;
using Loyalty.Silo.Storage;

namespace Loyalty.Cluster.Tests;

/// <summary>The Redis profile's member directory against a real redis-server, held to the directory contract.</summary>
public sealed class RedisMemberDirectoryTests : MemberDirectoryContract, IAsyncLifetime
{
    private ThrowawayRedis? redis;
    private LoyaltyRedis? connection;

    public async ValueTask InitializeAsync()
    {
        redis = await ThrowawayRedis.Start();
        connection = new LoyaltyRedis(redis.Configuration, TimeSpan.FromSeconds(5));
    }

    protected override Task<IMemberDirectory> Directory() => Task.FromResult<IMemberDirectory>(new RedisMemberDirectory(connection!, "t:members"));

    public async ValueTask DisposeAsync()
    {
        await connection!.DisposeAsync();
        await redis!.DisposeAsync();
    }
}

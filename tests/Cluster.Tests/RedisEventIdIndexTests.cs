using Loyalty.ClusterScript;
using Loyalty.Grains.Ingestion;
using Loyalty.Silo.Storage;

namespace Loyalty.Cluster.Tests;

/// <summary>The Redis profile's event-id index against a real redis-server.</summary>
public sealed class RedisEventIdIndexTests
{
    private const string A = "e1";
    private const string B = "e2";

    [Fact]
    public async Task Claims_are_shared_through_Redis_and_an_event_is_a_duplicate_only_once_stored()
    {
        await using var redis = await ThrowawayRedis.Start();
        await using var gatewayOne = new RedisEventIdIndex(redis.Configuration, "t:seen", TimeSpan.FromHours(1));
        await using var gatewayTwo = new RedisEventIdIndex(redis.Configuration, "t:seen", TimeSpan.FromHours(1));

        Assert.Equal([EventIdClaim.Fresh, EventIdClaim.Fresh], await gatewayOne.Claim("p", [A, B], "attempt-1"));
        Assert.Equal([EventIdClaim.InDoubt, EventIdClaim.InDoubt], await gatewayTwo.Claim("p", [A, B], "attempt-2"));

        await gatewayOne.Confirm("p", [A]);
        await gatewayTwo.Release("p", [B], "attempt-2"); // not its claim: nothing happens
        Assert.Equal([EventIdClaim.Stored, EventIdClaim.InDoubt], await gatewayTwo.Claim("p", [A, B], "attempt-3"));

        await gatewayOne.Release("p", [B], "attempt-1");
        Assert.Equal([EventIdClaim.Stored, EventIdClaim.Fresh], await gatewayTwo.Claim("p", [A, B], "attempt-4"));
        Assert.True(await redis.Database.KeyTimeToLiveAsync("t:seen:p:e1") > TimeSpan.FromMinutes(59));
        Assert.True(await redis.Database.KeyTimeToLiveAsync("t:seen:p:e2") <= RedisEventIdIndex.PendingFor);
    }
}

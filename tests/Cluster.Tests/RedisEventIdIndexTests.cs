using Loyalty.Client.Redis;
using Loyalty.ClusterScript;
using Loyalty.Grains.Ingestion;
using Loyalty.Client.Ingestion;
using Loyalty.Silo.Storage;
using StackExchange.Redis;

namespace Loyalty.Cluster.Tests;

/// <summary>The Redis profile's event-id index against a real redis-server.</summary>
public sealed class RedisEventIdIndexTests
{
    private const ulong A = EventIdIndexClaims.A;

    [Fact]
    public async Task Claims_are_shared_through_Redis_and_an_event_is_a_duplicate_only_once_stored()
    {
        await using var redis = await ThrowawayRedis.Start();
        await using var gatewayOneConnection = new LoyaltyRedis(redis.Configuration, TimeSpan.FromSeconds(5));
        var gatewayOne = new RedisEventIdIndex(gatewayOneConnection, "t:seen", TimeSpan.FromHours(1), 1);
        await using var gatewayTwoConnection = new LoyaltyRedis(redis.Configuration, TimeSpan.FromSeconds(5));
        var gatewayTwo = new RedisEventIdIndex(gatewayTwoConnection, "t:seen", TimeSpan.FromHours(1), 1);

        await EventIdIndexClaims.AssertShared(gatewayOne, gatewayTwo);

        // Stored ids live for the window and one bucket at most; claims for at most twice PendingFor.
        var ttls = await Task.WhenAll(Keys(redis, "t:seen:p:*").Select(async key => (key, ttl: await redis.Database.KeyTimeToLiveAsync(key))));
        Assert.All(ttls, k => Assert.InRange(k.ttl!.Value, TimeSpan.Zero, k.key.ToString().Contains(":p:p")
            ? 2 * RedisEventIdIndex.PendingFor : TimeSpan.FromHours(1) * (1 + 1.0 / EventIdBuckets.PerWindow)));
        Assert.Contains(ttls, k => k.ttl > TimeSpan.FromMinutes(59));
    }

    [Fact]
    public async Task Stored_ids_cost_at_most_16_bytes_each_in_Redis()
    {
        await using var redis = await ThrowawayRedis.Start();
        const int Rate = 8; // ids a second: 28,800 in an hour's bucket, in 300 hashes
        await using var connection = new LoyaltyRedis(redis.Configuration, TimeSpan.FromSeconds(5));
        var index = new RedisEventIdIndex(connection, "t:seen", TimeSpan.FromHours(8), Rate, new FixedClock(DateTimeOffset.UtcNow));
        var ids = Fingerprints(Rate * 3_600);
        foreach (var batch in ids.Chunk(1_000))
        {
            Assert.All(await index.Claim("p", batch, "attempt"), claim => Assert.Equal(EventIdClaim.Fresh, claim));
            await index.Confirm("p", batch);
        }

        var keys = Keys(redis, "t:seen:p:*");
        var bytes = 0L;
        foreach (var key in keys)
        {
            bytes += (long)await redis.Database.ExecuteAsync("MEMORY", "USAGE", key, "SAMPLES", "0");
        }

        Assert.Equal(index.Slices, keys.Count); // the pending claims are gone with their confirmation
        Assert.InRange(bytes / (double)ids.Length, 8, 16 - 1); // a byte of margin under the bound
        Assert.Equal(new[] { true, false }, await index.AreStored("p", [ids[^1], ids[^1] + 1]));
    }

    [Fact]
    public async Task Ids_expire_with_the_window()
    {
        await using var redis = await ThrowawayRedis.Start();
        var window = TimeSpan.FromMilliseconds(800);
        await using var indexConnection = new LoyaltyRedis(redis.Configuration, TimeSpan.FromSeconds(5));
        var index = new RedisEventIdIndex(indexConnection, "t:seen", window, 1);
        await index.Claim("p", [A], "attempt");
        await index.Confirm("p", [A]);
        var confirmed = DateTimeOffset.UtcNow;
        Assert.Equal(new[] { true }, await index.AreStored("p", [A]));

        var deadline = confirmed + TimeSpan.FromSeconds(10);
        while ((await index.AreStored("p", [A]))[0] || Keys(redis, "t:seen:p:*").Count > 0)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the id outlived its window");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True(DateTimeOffset.UtcNow - confirmed >= window - TimeSpan.FromMilliseconds(window.TotalMilliseconds / EventIdBuckets.PerWindow));
        Assert.Equal([EventIdClaim.Fresh], await index.Claim("p", [A], "later"));
    }

    private static ulong[] Fingerprints(int count)
    {
        var random = new Random(12);
        return [.. Enumerable.Range(0, count).Select(_ => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63))];
    }

    private static List<RedisKey> Keys(ThrowawayRedis redis, string pattern) =>
        [.. redis.Database.Multiplexer.GetServers()[0].Keys(pattern: pattern)];

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

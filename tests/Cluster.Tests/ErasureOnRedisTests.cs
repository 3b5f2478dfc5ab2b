using StackExchange.Redis;

namespace Loyalty.Cluster.Tests;

/// <summary>Erasure in the Redis profile: afterwards nothing in Redis names the member.</summary>
[Collection(LocalCluster.Collection)]
public sealed class ErasureOnRedisTests
{
    [Fact]
    public async Task After_erasure_no_redis_key_board_entry_or_due_time_names_the_member()
    {
        await using var cluster = new LocalCluster();
        await cluster.Up();
        var program = $"erasure-{Guid.NewGuid():N}"[..17];
        using (var created = await cluster.Client.PutAsync($"/v1/programs/{program}",
            new StringContent(ErasureScenario.Configuration(), System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken))
        {
            Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        }

        var code = await ErasureScenario.Prepare(cluster.Client, program, DateTimeOffset.UtcNow);
        await ErasureScenario.AssertExportIsWhole(cluster.Client, program, code);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(cluster.Redis);
        var before = await PlacesNaming(redis, ErasureScenario.Erased);
        Assert.Contains(before, place => place.StartsWith("key ", StringComparison.Ordinal)); // the search finds what is there
        Assert.Contains(before, place => place.StartsWith("entry ", StringComparison.Ordinal));

        await ErasureScenario.EraseAndAssertGone(cluster.Client, program, code);

        Assert.Empty(await PlacesNaming(redis, ErasureScenario.Erased));
        Assert.NotEmpty(await PlacesNaming(redis, ErasureScenario.Kept));
        await ErasureScenario.AssertALaterEventStartsANewMember(cluster.Client, program, DateTimeOffset.UtcNow);
    }

    /// <summary>
    /// Keys whose name holds the member id, and hash fields or sorted-set members that are the member id (board
    /// shards, due times). Stream entries are left out: they are trimmed by length as the stream moves on.
    /// </summary>
    private static async Task<List<string>> PlacesNaming(ConnectionMultiplexer redis, string memberId)
    {
        var server = redis.GetServers().Single();
        var database = redis.GetDatabase();
        var places = new List<string>();
        await foreach (var key in server.KeysAsync(pattern: "*", pageSize: 1_000))
        {
            var name = key.ToString();
            if (name.Contains(memberId, StringComparison.Ordinal))
            {
                places.Add($"key {name}");
            }

            var type = await database.KeyTypeAsync(key);
            if ((type == RedisType.Hash && await database.HashExistsAsync(key, memberId))
                || (type == RedisType.SortedSet && await database.SortedSetScoreAsync(key, memberId) is not null))
            {
                places.Add($"entry {memberId} of {name}");
            }
        }

        return places;
    }
}

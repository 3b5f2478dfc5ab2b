using Loyalty.Domain;

namespace Loyalty.Cluster.Tests;

/// <summary>The durable profiles' board shard stores against a real redis-server and Azurite.</summary>
public sealed class BoardShardStoreTests
{
    private static readonly DateTimeOffset ReachedAt = DateTimeOffset.Parse("2026-05-01T10:00:00+02:00");

    [Theory]
    [MemberData(nameof(StoreServer.Profiles), MemberType = typeof(StoreServer))]
    public async Task A_shard_stores_what_changed_forgets_erased_members_and_nothing_once_its_period_is_kept_no_longer(string profile)
    {
        await using var server = await StoreServer.Start(profile);
        var store = server.BoardShardStore();
        const string Shard = "p/spend/2026-05/3";
        var ann = new BoardEntry("ann", 1_200, ReachedAt, 1);
        var bob = new BoardEntry("bob@shop+1", 900, ReachedAt.AddMinutes(1), 1);
        var keptUntil = DateTimeOffset.UtcNow.AddDays(30);

        await store.Save(Shard, [ann, bob], [], keptUntil);
        await store.Save(Shard, [ann with { Score = 1_500, Version = 2 }], [], keptUntil);
        Assert.Equal([ann with { Score = 1_500, Version = 2 }, bob], (await store.Load(Shard)).OrderBy(e => e.MemberId, StringComparer.Ordinal));
        Assert.Equal(ReachedAt.Offset, (await store.Load(Shard)).Single(e => e.MemberId == "ann").ReachedAt.Offset);

        await store.Save(Shard, [], ["bob@shop+1", "never-scored"], keptUntil);
        Assert.Equal(["ann"], (await store.Load(Shard)).Select(e => e.MemberId));
        Assert.Empty(await store.Load("p/spend/2026-06/3"));

        await store.Save(Shard, [ann with { Score = 1_600, Version = 3 }], [], DateTimeOffset.UtcNow.AddSeconds(-1));
        Assert.Empty(await store.Load(Shard));
    }
}

using Loyalty.Domain;

namespace Loyalty.Cluster.Tests;

/// <summary>The durable profiles' ledger stores against a real redis-server and Azurite.</summary>
public sealed class LedgerStoreTests
{
    private static LedgerEntry Entry(long sequence, long points = 0) =>
        new(sequence, LedgerKind.ClawedBack, PointsBalance.Pending, points == 0 ? -sequence : points, $"return r{sequence}: \"quoted\", sequence 1", $"r{sequence}", DateTimeOffset.Parse("2026-05-01T10:00:00+02:00"));

    [Theory]
    [MemberData(nameof(StoreServer.Profiles), MemberType = typeof(StoreServer))]
    public async Task Appending_replaces_from_the_first_sequence_pages_go_newest_first_and_trimming_keeps_positions(string profile)
    {
        await using var server = await StoreServer.Start(profile);
        var store = server.LedgerStore();

        await store.Append("p", "m", [Entry(1), Entry(2), Entry(3)], null);
        await store.Append("p", "m", [Entry(2, points: -20)], null); // the state write failed: its retry replaces
        Assert.Equal([Entry(2, points: -20), Entry(1)], (await store.Read("p", "m", long.MaxValue, 10)).Entries);
        await store.Append("p", "m", [Entry(2), Entry(3), Entry(4)], null);
        var all = await store.Read("p", "m", long.MaxValue, 10);

        Assert.Equal(4, all.Stored);
        Assert.Equal([Entry(4), Entry(3), Entry(2), Entry(1)], all.Entries);
        Assert.Equal([3L, 2L], (await store.Read("p", "m", 3, 2)).Entries.Select(e => e.Sequence));
        Assert.Equal(4, await server.StoredLedgerEntries("p", "m"));

        await store.Append("p", "m", [.. Enumerable.Range(5, 296).Select(i => Entry(i))], keepNewest: 100);
        var kept = await store.Read("p", "m", long.MaxValue, 500);
        Assert.Equal(300, kept.Stored);
        Assert.Equal(Enumerable.Range(201, 100).Reverse().Select(i => (long)i), kept.Entries.Select(e => e.Sequence));
        Assert.Equal([202L, 201L], (await store.Read("p", "m", 202, 10)).Entries.Select(e => e.Sequence));
        Assert.Empty((await store.Read("p", "m", 150, 10)).Entries);
        Assert.Equal((0L, 0), ((await store.Read("p", "other", long.MaxValue, 10)).Stored, (await store.Read("p", "other", 5, 10)).Entries.Count));
        Assert.Equal(100, await server.StoredLedgerEntries("p", "m"));

        await store.Erase("p", "m");
        await store.Erase("p", "never-had-one");
        Assert.Equal((0L, 0), ((await store.Read("p", "m", long.MaxValue, 10)).Stored, (await store.Read("p", "m", long.MaxValue, 10)).Entries.Count));
        Assert.Equal(0, await server.StoredLedgerEntries("p", "m"));
    }
}

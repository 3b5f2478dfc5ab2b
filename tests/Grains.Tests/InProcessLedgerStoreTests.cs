using Loyalty.Domain;
using Loyalty.Grains.Members;

namespace Loyalty.Grains.Tests;

/// <summary>The embedded ledger store: an append replaces from its first sequence, pages go newest first, trimming keeps positions.</summary>
public sealed class InProcessLedgerStoreTests
{
    private static LedgerEntry Entry(long sequence, long points = 0) =>
        new(sequence, LedgerKind.Bonus, PointsBalance.Available, points == 0 ? sequence : points, $"bonus {sequence}", null, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task A_retried_turn_replaces_the_entries_of_the_turn_whose_write_failed()
    {
        var store = new InProcessLedgerStore();
        await store.Append("p", "m", [Entry(1), Entry(2), Entry(3)], null);
        await store.Append("p", "m", [Entry(2, points: 20)], null);

        var all = await store.Read("p", "m", long.MaxValue, 10);

        Assert.Equal(2, all.Stored);
        Assert.Equal([20L, 1L], all.Entries.Select(e => e.Points));
    }

    [Fact]
    public async Task Appending_the_same_entries_again_is_harmless_and_pages_read_newest_first_through_a_sequence()
    {
        var store = new InProcessLedgerStore();
        await store.Append("p", "m", [Entry(1), Entry(2), Entry(3)], null);
        await store.Append("p", "m", [Entry(2), Entry(3), Entry(4)], null);

        var all = await store.Read("p", "m", long.MaxValue, 10);
        var middle = await store.Read("p", "m", 3, 2);

        Assert.Equal(4, all.Stored);
        Assert.Equal([4L, 3L, 2L, 1L], all.Entries.Select(e => e.Sequence));
        Assert.Equal([3L, 2L], middle.Entries.Select(e => e.Sequence));
        Assert.Empty((await store.Read("p", "other", long.MaxValue, 10)).Entries);
    }

    [Fact]
    public async Task Keeping_the_newest_drops_the_oldest_and_reads_past_them_answer_fewer()
    {
        var store = new InProcessLedgerStore();
        await store.Append("p", "m", [.. Enumerable.Range(1, 300).Select(i => Entry(i))], keepNewest: 100);

        var stored = await store.Read("p", "m", long.MaxValue, 500);
        var pastTheKept = await store.Read("p", "m", 205, 10);

        Assert.Equal(300, stored.Stored);
        Assert.Equal(Enumerable.Range(201, 100).Reverse().Select(i => (long)i), stored.Entries.Select(e => e.Sequence));
        Assert.Equal([205L, 204L, 203L, 202L, 201L], pastTheKept.Entries.Select(e => e.Sequence));
    }
}

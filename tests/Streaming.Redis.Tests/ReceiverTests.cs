namespace Loyalty.Streaming.Redis.Tests;

/// <summary>What a partition's receiver reads: everything published, in the order it was stored.</summary>
public sealed class ReceiverTests
{
    [Fact]
    public async Task Reads_what_was_published_in_the_order_it_was_published()
    {
        await using var streams = await StreamsOnRedis.Start();
        var silo = await streams.Silo("a");
        var receiver = await silo.Receiver();
        await silo.Publish(StreamsOnRedis.Stream("ann"), "ann-1", "ann-2");
        await silo.Publish(StreamsOnRedis.Stream("bob"), "bob-1");
        await silo.Publish(StreamsOnRedis.Stream("ann"), "ann-3");

        var read = await receiver.ReadUntilSomething();

        Assert.Equal(["ann-1", "ann-2", "bob-1", "ann-3"], read.Events());
        Assert.Equal([StreamsOnRedis.Stream("ann"), StreamsOnRedis.Stream("bob"), StreamsOnRedis.Stream("ann")], read.Select(batch => batch.StreamId));
    }

    [Fact]
    public async Task One_read_returns_no_more_entries_than_asked_nor_than_MaxEntriesPerRead()
    {
        await using var streams = await StreamsOnRedis.Start(options => options.MaxEntriesPerRead = 3);
        var silo = await streams.Silo("a");
        var receiver = await silo.Receiver();
        for (var i = 0; i < 5; i++)
        {
            await silo.Publish(StreamsOnRedis.Stream("ann"), i);
        }

        var two = await receiver.GetQueueMessagesAsync(2, TestContext.Current.CancellationToken);
        var three = await receiver.GetQueueMessagesAsync(100, TestContext.Current.CancellationToken);

        Assert.Equal([0, 1], two.Events());
        Assert.Equal([2, 3, 4], three.Events());
    }

    [Fact]
    public async Task A_restarted_receiver_reads_again_what_it_had_read_and_not_acknowledged_before_anything_new()
    {
        await using var streams = await StreamsOnRedis.Start();
        var before = await streams.Silo("a");
        var receiver = await before.Receiver();
        await before.Publish(StreamsOnRedis.Stream("ann"), "first");
        Assert.Equal(["first"], (await receiver.ReadUntilSomething()).Events());
        await before.Publish(StreamsOnRedis.Stream("ann"), "second");

        var restarted = await streams.Receiver("a");

        Assert.Equal(["first"], (await restarted.ReadUntilSomething()).Events());
        Assert.Equal(["second"], (await restarted.ReadUntilSomething()).Events());
    }
}

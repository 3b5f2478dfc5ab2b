namespace Loyalty.Streaming.Redis.Tests;

/// <summary>
/// An entry is acknowledged (XACK) and deleted (XDEL) only once Orleans reports it delivered: the stream then holds
/// only what is not delivered yet, and what was acknowledged is never delivered again, whoever reads next.
/// </summary>
public sealed class AcknowledgementTests
{
    [Fact]
    public async Task Read_entries_stay_until_delivered_then_are_deleted_and_never_delivered_again()
    {
        await using var streams = await StreamsOnRedis.Start();
        var a = await streams.Silo("a");
        var receiver = await a.Receiver();
        await a.Publish(StreamsOnRedis.Stream("ann"), "1");
        await a.Publish(StreamsOnRedis.Stream("ann"), "2");
        var read = await receiver.ReadUntilSomething();
        var key = streams.Options("a").PartitionKey(0);
        Assert.Equal(2, await streams.Database.StreamLengthAsync(key));

        await receiver.MessagesDeliveredAsync(read, TestContext.Current.CancellationToken);

        Assert.Equal(0, await streams.Database.StreamLengthAsync(key));
        Assert.Equal(0, (await streams.Database.StreamPendingAsync(key, streams.Options("a").ConsumerGroup)).PendingMessageCount);
        var restarted = await streams.Receiver("a");
        var other = await streams.Receiver("b");
        await a.Publish(StreamsOnRedis.Stream("ann"), "3");
        Assert.Equal(["3"], (await other.ReadUntilSomething()).Events());
        Assert.Empty(await restarted.GetQueueMessagesAsync(100, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Acknowledging_only_part_of_a_read_leaves_the_rest_to_be_delivered_again()
    {
        await using var streams = await StreamsOnRedis.Start();
        var a = await streams.Silo("a");
        var receiver = await a.Receiver();
        await a.Publish(StreamsOnRedis.Stream("ann"), "delivered");
        await a.Publish(StreamsOnRedis.Stream("ann"), "not yet");
        var read = await receiver.ReadUntilSomething();

        await receiver.MessagesDeliveredAsync([read[0]], TestContext.Current.CancellationToken);

        var restarted = await streams.Receiver("a");
        Assert.Equal(["not yet"], (await restarted.ReadUntilSomething()).Events());
    }
}

using System.Diagnostics;
using Orleans.Streams;

namespace Loyalty.Streaming.Redis.Tests;

/// <summary>
/// An entry read and never acknowledged (its reader died, or handed the partition over while reading) is not lost:
/// a receiver that takes the partition over claims it at once, and the partition's owner claims whatever stays
/// pending longer than <see cref="RedisStreamOptions.RedeliverAfter"/>.
/// </summary>
public sealed class ClaimTests
{
    private static readonly TimeSpan IdleTime = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task An_entry_not_acknowledged_is_claimed_by_another_receiver_once_idle_long_enough_and_not_before()
    {
        await using var streams = await StreamsOnRedis.Start(options => options.RedeliverAfter = IdleTime);
        var a = await streams.Silo("a");
        var dying = await a.Receiver();
        var owner = await streams.Receiver("b");
        await a.Publish(StreamsOnRedis.Stream("ann"), "lost?");
        var readByDying = await dying.ReadUntilSomething();
        var idleSince = Stopwatch.StartNew();

        Assert.Empty(await owner.GetQueueMessagesAsync(100, TestContext.Current.CancellationToken));
        Assert.Empty(await owner.GetQueueMessagesAsync(100, TestContext.Current.CancellationToken));
        var claimed = await owner.ReadUntilSomething();

        Assert.True(idleSince.Elapsed >= IdleTime, $"claimed after {idleSince.Elapsed}, before the idle time {IdleTime}");
        Assert.Equal(["lost?"], claimed.Events());
        Assert.True(readByDying.Single().SequenceToken.Older(claimed.Single().SequenceToken));
        var pending = await streams.Database.StreamPendingAsync(streams.Options("b").PartitionKey(0), streams.Options("b").ConsumerGroup);
        Assert.Equal("b", pending.Consumers.Single().Name);
    }

    [Fact]
    public async Task A_receiver_taking_the_partition_over_claims_what_the_previous_owner_left_at_once()
    {
        await using var streams = await StreamsOnRedis.Start(options => options.RedeliverAfter = TimeSpan.FromMinutes(10));
        var a = await streams.Silo("a");
        var previous = await a.Receiver();
        await a.Publish(StreamsOnRedis.Stream("ann"), "1");
        await a.Publish(StreamsOnRedis.Stream("bob"), "2");
        await previous.ReadUntilSomething();
        await a.Publish(StreamsOnRedis.Stream("ann"), "3");

        var next = await streams.Receiver("b");

        Assert.Equal(["1", "2"], (await next.ReadUntilSomething()).Events());
        Assert.Equal(["3"], (await next.ReadUntilSomething()).Events());
    }
}

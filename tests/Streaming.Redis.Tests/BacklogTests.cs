namespace Loyalty.Streaming.Redis.Tests;

/// <summary>
/// The backlog a gateway bounds its intake by: each entry adds its weight (<see cref="RedisStreamOptions.Weigh"/>)
/// to its partition's pending count when published and takes it off once, when delivered; the oldest entry left
/// tells how far behind the consumers are.
/// </summary>
public sealed class BacklogTests
{
    /// <summary>An int published counts for that many events; anything else for one.</summary>
    private static void WeighIntsByValue(RedisStreamOptions options) => options.Weigh = item => item is int events ? events : 1;

    [Fact]
    public async Task Published_entries_count_their_weight_until_delivered_and_then_nothing_is_pending()
    {
        await using var streams = await StreamsOnRedis.Start(WeighIntsByValue);
        await using var backlog = new RedisStreamBacklog(streams.Options("gateway"));
        var a = await streams.Silo("a");
        var receiver = await a.Receiver();
        Assert.Equal(new RedisStreamBacklog.Reading(0, null), await backlog.Read());

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await a.Publish(StreamsOnRedis.Stream("ann"), 2, 1);
        await a.Publish(StreamsOnRedis.Stream("cy"), 2);
        await a.Publish(StreamsOnRedis.Stream("cy"), "one");
        var published = await backlog.Read();
        Assert.Equal(6, published.Events);
        Assert.InRange(published.Oldest!.Value, before, DateTimeOffset.UtcNow.AddSeconds(1));

        var read = await receiver.ReadUntilSomething();
        Assert.Equal(3, read.Count);
        Assert.Equal(6, (await backlog.Read()).Events); // read is not delivered

        await receiver.MessagesDeliveredAsync([read[0]], TestContext.Current.CancellationToken);
        Assert.Equal(3, (await backlog.Read()).Events);

        await receiver.MessagesDeliveredAsync([read[1], read[2]], TestContext.Current.CancellationToken);
        Assert.Equal(new RedisStreamBacklog.Reading(0, null), await backlog.Read());
    }

    [Fact]
    public async Task An_entry_delivered_by_two_owners_takes_its_weight_off_once()
    {
        await using var streams = await StreamsOnRedis.Start(options =>
        {
            WeighIntsByValue(options);
            options.RedeliverAfter = TimeSpan.FromMilliseconds(200);
        });
        await using var backlog = new RedisStreamBacklog(streams.Options("gateway"));
        var a = await streams.Silo("a");
        var slow = await a.Receiver();
        var owner = await streams.Receiver("b");
        await a.Publish(StreamsOnRedis.Stream("ann"), 4);
        await a.Publish(StreamsOnRedis.Stream("bob"), 3);
        var readBySlow = await slow.ReadUntilSomething();
        var claimed = await owner.ReadUntilSomething();
        Assert.Equal(readBySlow.Events(), claimed.Events());

        await owner.MessagesDeliveredAsync(claimed, TestContext.Current.CancellationToken);
        await slow.MessagesDeliveredAsync(readBySlow, TestContext.Current.CancellationToken);

        Assert.Equal(new RedisStreamBacklog.Reading(0, null), await backlog.Read());
    }

    [Fact]
    public async Task The_backlog_sums_every_partition()
    {
        await using var streams = await StreamsOnRedis.Start(WeighIntsByValue);
        await using var backlog = new RedisStreamBacklog(streams.Options("gateway"));
        var a = await streams.Silo("a");

        await a.Publish(StreamsOnRedis.Stream("ann"), 5);
        await a.Publish(Orleans.Runtime.StreamId.Create("test", "bob/1"), 7);

        Assert.Equal(12, (await backlog.Read()).Events);
        Assert.Equal(5, (long)await streams.Database.StringGetAsync(streams.Options("a").PendingKey(0)));
    }
}

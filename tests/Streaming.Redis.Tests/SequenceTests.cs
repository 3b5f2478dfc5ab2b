using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;

namespace Loyalty.Streaming.Redis.Tests;

/// <summary>
/// Orleans skips what lies before a consumer's last token, so the numbers given to what is read must only grow:
/// across reads, across receivers of one partition, and when an entry is read a second time.
/// </summary>
public sealed class SequenceTests
{
    [Fact]
    public async Task Tokens_grow_with_every_read_whichever_receiver_reads()
    {
        await using var streams = await StreamsOnRedis.Start();
        var a = await streams.Silo("a");
        var first = await a.Receiver();
        await a.Publish(StreamsOnRedis.Stream("ann"), "1");
        await a.Publish(StreamsOnRedis.Stream("ann"), "2");
        var readByA = await first.ReadUntilSomething();
        await first.MessagesDeliveredAsync(readByA, TestContext.Current.CancellationToken);

        var b = await streams.Silo("b");
        var second = await b.Receiver();
        await b.Publish(StreamsOnRedis.Stream("ann"), "3");
        var readByB = await second.ReadUntilSomething();

        var tokens = readByA.Concat(readByB).Select(batch => batch.SequenceToken).ToList();
        Assert.Equal(3, tokens.Count);
        Assert.All(tokens.Zip(tokens.Skip(1)), pair => Assert.True(pair.First.Older(pair.Second), $"{pair.First} is not older than {pair.Second}"));
    }

    [Fact]
    public async Task An_entry_read_again_is_numbered_after_everything_read_before()
    {
        await using var streams = await StreamsOnRedis.Start();
        var a = await streams.Silo("a");
        var receiver = await a.Receiver();
        await a.Publish(StreamsOnRedis.Stream("ann"), "old");
        var firstRead = (await receiver.ReadUntilSomething()).Single();
        await a.Publish(StreamsOnRedis.Stream("ann"), "new");
        var newer = (await receiver.ReadUntilSomething()).Single();

        var restarted = await streams.Receiver("a");
        var again = (await restarted.ReadUntilSomething()).First();

        Assert.Equal(["old"], new[] { again }.Events());
        Assert.True(newer.SequenceToken.Older(again.SequenceToken));
        Assert.True(firstRead.SequenceToken.Older(again.SequenceToken));
    }

    [Fact]
    public async Task A_read_batch_keeps_its_token_and_events_through_the_serializer()
    {
        await using var streams = await StreamsOnRedis.Start();
        var a = await streams.Silo("a");
        var receiver = await a.Receiver();
        await a.Publish(StreamsOnRedis.Stream("ann"), "x", "y");
        var read = (RedisStreamBatchContainer)(await receiver.ReadUntilSomething()).Single();

        var copy = Assert.IsType<RedisStreamBatchContainer>(streams.Serializer.Deserialize(streams.Serializer.SerializeToArray(read)));

        Assert.Equal(read.SequenceToken, copy.SequenceToken);
        Assert.Equal(StreamsOnRedis.Stream("ann"), copy.StreamId);
        Assert.Equal(read.GetEvents<string>().Select(e => (e.Item1, e.Item2)), copy.GetEvents<string>().Select(e => (e.Item1, e.Item2)));
        Assert.True(copy.GetEvents<string>().First().Item2.Older(copy.GetEvents<string>().Last().Item2));
    }

    [Fact]
    public async Task A_counter_lost_with_the_Redis_data_starts_again_above_what_it_gave_out()
    {
        await using var streams = await StreamsOnRedis.Start();
        var key = streams.Options("a").SequenceKey(0);
        var sequence = new RedisStreamSequence(key);
        var before = await sequence.Reserve(streams.Database, 10);
        var issuedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await streams.Database.KeyDeleteAsync(key);
        Assert.True(SpinWait.SpinUntil(() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() > issuedAt, Polling.Deadline));

        var after = await sequence.Reserve(streams.Database, 1);

        Assert.True(after > before + 9, $"{after} is not above {before + 9}");
    }
}

using Loyalty.Client.Hosting;
using System.Collections.Immutable;
using Loyalty.ClusterScript;
using Loyalty.Grains.Interfaces.Events;
using Loyalty.Silo;
using Loyalty.Streaming.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Configuration;
using Orleans.Serialization;

namespace Loyalty.Cluster.Tests;

/// <summary>The Redis profile's ingestion lag: events in member-event entries published and not yet delivered, against a real redis-server.</summary>
public sealed class RedisStreamBacklogTests
{
    [Fact]
    public async Task Published_entries_count_their_events_until_delivered_once_and_then_nothing_is_pending()
    {
        await using var redis = await ThrowawayRedis.Start();
        var options = new RedisStreamOptions();
        new LoyaltyHostingOptions { Redis = redis.Configuration, StreamPartitions = 2 }.ConfigureRedisStreams(options);
        options.ConsumerName = "test";
        await using var backlog = new RedisStreamBacklog(options);
        await using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var factory = new RedisStreamAdapterFactory(
            "member-events", options, new SimpleQueueCacheOptions(), services.GetRequiredService<Serializer<RedisStreamBatchContainer>>(), NullLoggerFactory.Instance);
        var adapter = await factory.CreateAdapter(TestContext.Current.CancellationToken);
        var stream = MemberEventStream.For("p", 0);
        var receiver = adapter.CreateReceiver(factory.GetStreamQueueMapper().GetQueueForStream(stream));
        await receiver.Initialize(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.Equal(new RedisStreamBacklog.Reading(0, null), await backlog.Read());

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        await adapter.QueueMessageBatchAsync(stream, [Batch(("ann", 2), ("bob", 1))], null, null);
        await adapter.QueueMessageBatchAsync(stream, [Batch(("cy", 2))], null, null);
        var published = await backlog.Read();
        Assert.Equal(5, published.Events);
        Assert.InRange(published.Oldest!.Value, before, DateTimeOffset.UtcNow.AddSeconds(1));

        var read = await receiver.GetQueueMessagesAsync(10, TestContext.Current.CancellationToken);
        Assert.Equal(2, read.Count);
        Assert.Equal(5, (await backlog.Read()).Events); // read is not delivered

        await receiver.MessagesDeliveredAsync([read[0]], TestContext.Current.CancellationToken);
        await receiver.MessagesDeliveredAsync([read[0]], TestContext.Current.CancellationToken); // a second owner acknowledging the same entry takes nothing more off
        Assert.Equal(2, (await backlog.Read()).Events);

        await receiver.MessagesDeliveredAsync([read[1]], TestContext.Current.CancellationToken);
        Assert.Equal(new RedisStreamBacklog.Reading(0, null), await backlog.Read());
    }

    private static PartitionEventBatch Batch(params (string Member, int Events)[] members) => new(
        "p",
        [.. members.Select(m => new MemberEventBatch(m.Member, [.. Enumerable.Range(0, m.Events).Select(i => Purchase($"{m.Member}-{i}", m.Member))]))],
        DateTimeOffset.UtcNow);

    private static MemberEvent Purchase(string eventId, string memberId) =>
        new(MemberEventKind.Purchase, eventId, memberId, DateTimeOffset.UtcNow, 100, "GBP", [], null, null);
}

using Loyalty.Client.Hosting;
using Loyalty.Grains.Interfaces.Events;
using Loyalty.Silo;
using Loyalty.Streaming.Redis;

namespace Loyalty.Cluster.Tests;

/// <summary>
/// The Redis profile counts its stream backlog in member events, the unit of the gateway's lag bound: a partition
/// batch weighs as many events as its members carry. The provider's own counting is tested in Streaming.Redis.Tests.
/// </summary>
public sealed class RedisStreamWeightTests
{
    [Fact]
    public void A_partition_batch_weighs_the_member_events_it_carries_and_anything_else_one()
    {
        var options = new RedisStreamOptions();
        new LoyaltyHostingOptions { StreamPartitions = 2 }.ConfigureRedisStreams(options);

        Assert.Equal(3, options.Weigh(Batch(("ann", 2), ("bob", 1))));
        Assert.Equal(0, options.Weigh(Batch()));
        Assert.Equal(1, options.Weigh("something else"));
    }

    private static PartitionEventBatch Batch(params (string Member, int Events)[] members) => new(
        "p",
        [.. members.Select(m => new MemberEventBatch(m.Member, [.. Enumerable.Range(0, m.Events).Select(i => Purchase($"{m.Member}-{i}", m.Member))]))],
        DateTimeOffset.UtcNow);

    private static MemberEvent Purchase(string eventId, string memberId) =>
        new(MemberEventKind.Purchase, eventId, memberId, DateTimeOffset.UtcNow, 100, "GBP", [], null, null);
}

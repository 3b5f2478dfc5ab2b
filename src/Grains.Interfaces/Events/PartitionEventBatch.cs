using System.Collections.Immutable;

namespace Loyalty.Grains.Interfaces.Events;

/// <summary>The events of one ingestion request that fall on one partition: one stream item, each member's events in order.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.partition-event-batch")]
/// <param name="PublishedAt">When the gateway published it, for the answered-to-applied latency; absent in older entries.</param>
public sealed record PartitionEventBatch(
    [property: Id(0)] string ProgramId,
    [property: Id(1)] ImmutableArray<MemberEventBatch> Members,
    [property: Id(2)] DateTimeOffset? PublishedAt = null);

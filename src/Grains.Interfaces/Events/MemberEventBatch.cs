using System.Collections.Immutable;

namespace Loyalty.Grains.Interfaces.Events;

/// <summary>The events of one member from one ingestion request, in the order they were sent; the program is the partition's.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.member-event-batch")]
public sealed record MemberEventBatch(
    [property: Id(1)] string MemberId,
    [property: Id(2)] ImmutableArray<MemberEvent> Events);

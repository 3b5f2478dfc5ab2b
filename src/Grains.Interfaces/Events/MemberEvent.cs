using System.Collections.Immutable;

namespace Loyalty.Grains.Interfaces.Events;

public enum MemberEventKind
{
    Purchase,
    Return,
    Engagement,
    Survey,
}

/// <summary>
/// One validated event, as it travels on the member-events stream. Purchases and returns carry an amount (and a
/// purchase its lines and channel, a return its original); an engagement carries its kind, a survey answer its
/// survey (nps, csat or ces) and score, with an amount of 0 and no currency.
/// </summary>
[GenerateSerializer, Immutable, Alias("loyalty.member-event")]
public sealed record MemberEvent(
    [property: Id(0)] MemberEventKind Kind,
    [property: Id(1)] string EventId,
    [property: Id(2)] string MemberId,
    [property: Id(3)] DateTimeOffset OccurredAt,
    [property: Id(4)] long AmountMinor,
    [property: Id(5)] string Currency,
    [property: Id(6)] ImmutableArray<EventLine> Lines,
    [property: Id(7)] string? Channel,
    [property: Id(8)] string? OriginalEventId,
    [property: Id(9)] string? EngagementKind = null,
    [property: Id(10)] string? Survey = null,
    [property: Id(11)] int? Score = null);

[GenerateSerializer, Immutable, Alias("loyalty.event-line")]
public sealed record EventLine(
    [property: Id(0)] string? Sku,
    [property: Id(1)] string? Category,
    [property: Id(2)] long Quantity,
    [property: Id(3)] long UnitPriceMinor);

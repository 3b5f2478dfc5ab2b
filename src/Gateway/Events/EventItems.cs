using System.Text.Json.Serialization;

namespace Loyalty.Gateway.Events;

/// <summary>
/// One item of an events batch as clients write it, keyed on <c>type</c>. The batch is read item by item by
/// <see cref="EventItemReader"/>, so one bad item never rejects its neighbours; these types describe the body in the
/// OpenAPI document, and a test holds their fields to the reader's.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PurchaseEvent), "purchase")]
[JsonDerivedType(typeof(ReturnEvent), "return")]
public abstract record EventItem(
    string EventId, string MemberId, string OccurredAt, long AmountMinor, string Currency);

/// <summary>A purchase: its points are pending for the program's return window, then available.</summary>
public sealed record PurchaseEvent(
    string EventId, string MemberId, string OccurredAt, long AmountMinor, string Currency,
    IReadOnlyList<EventLineItem>? Lines = null, string? Channel = null)
    : EventItem(EventId, MemberId, OccurredAt, AmountMinor, Currency);

/// <summary>A return: reverses the points the original purchase earned, in proportion to the refunded share.</summary>
public sealed record ReturnEvent(
    string EventId, string MemberId, string OccurredAt, long AmountMinor, string Currency, string? OriginalEventId = null)
    : EventItem(EventId, MemberId, OccurredAt, AmountMinor, Currency);

/// <summary>One line of a purchase: quantity × unitPriceMinor, in minor units.</summary>
public sealed record EventLineItem(string? Sku, string? Category, long Quantity, long UnitPriceMinor);

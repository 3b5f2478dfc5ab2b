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
[JsonDerivedType(typeof(EngagementEvent), "engagement")]
[JsonDerivedType(typeof(SurveyEvent), "survey")]
public abstract record EventItem(string EventId, string MemberId, string OccurredAt);

/// <summary>A purchase: its points are pending for the program's return window, then available.</summary>
public sealed record PurchaseEvent(
    string EventId, string MemberId, string OccurredAt, long AmountMinor, string Currency,
    IReadOnlyList<EventLineItem>? Lines = null, string? Channel = null)
    : EventItem(EventId, MemberId, OccurredAt);

/// <summary>A return: reverses the points the original purchase earned, in proportion to the refunded share.</summary>
public sealed record ReturnEvent(
    string EventId, string MemberId, string OccurredAt, long AmountMinor, string Currency, string? OriginalEventId = null)
    : EventItem(EventId, MemberId, OccurredAt);

/// <summary>
/// An engagement that is not a purchase: kind is review, social-share, app-open, sign-up or the program's own
/// (1-64 lower-case letters, digits and single hyphens). It earns what the program's engagement rule for the kind gives.
/// </summary>
public sealed record EngagementEvent(string EventId, string MemberId, string OccurredAt, string Kind)
    : EventItem(EventId, MemberId, OccurredAt);

/// <summary>A survey answer: survey is nps (score 0-10), csat (1-5) or ces (1-7).</summary>
public sealed record SurveyEvent(string EventId, string MemberId, string OccurredAt, string Survey, int Score)
    : EventItem(EventId, MemberId, OccurredAt);

/// <summary>One line of a purchase: quantity × unitPriceMinor, in minor units.</summary>
public sealed record EventLineItem(string? Sku, string? Category, long Quantity, long UnitPriceMinor);

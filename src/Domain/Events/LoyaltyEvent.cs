namespace Loyalty.Domain;

/// <summary>A fact a store reports about a member. EventId is unique within a program.</summary>
public abstract record LoyaltyEvent(string EventId, string MemberId, DateTimeOffset OccurredAt, long AmountMinor, string Currency);

public sealed record Purchase(
    string EventId, string MemberId, DateTimeOffset OccurredAt, long AmountMinor, string Currency,
    IReadOnlyList<PurchaseLine> Lines, string? Channel)
    : LoyaltyEvent(EventId, MemberId, OccurredAt, AmountMinor, Currency);

public sealed record PurchaseLine(string? Sku, string? Category, long Quantity, long UnitPriceMinor);

/// <summary>Money given back. With <see cref="OriginalEventId"/>, the points that purchase earned are clawed back in proportion.</summary>
public sealed record Return(
    string EventId, string MemberId, DateTimeOffset OccurredAt, long AmountMinor, string Currency, string? OriginalEventId)
    : LoyaltyEvent(EventId, MemberId, OccurredAt, AmountMinor, Currency);

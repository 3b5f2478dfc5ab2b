namespace Loyalty.Domain;

/// <summary>A fact a store reports about a member. EventId is unique within a program.</summary>
public abstract record LoyaltyEvent(string EventId, string MemberId, DateTimeOffset OccurredAt);

/// <summary>An event that moves money: a purchase or a return, in the program's currency.</summary>
public abstract record MoneyEvent(string EventId, string MemberId, DateTimeOffset OccurredAt, long AmountMinor, string Currency)
    : LoyaltyEvent(EventId, MemberId, OccurredAt);

public sealed record Purchase(
    string EventId, string MemberId, DateTimeOffset OccurredAt, long AmountMinor, string Currency,
    IReadOnlyList<PurchaseLine> Lines, string? Channel)
    : MoneyEvent(EventId, MemberId, OccurredAt, AmountMinor, Currency);

public sealed record PurchaseLine(string? Sku, string? Category, long Quantity, long UnitPriceMinor);

/// <summary>Money given back. With <see cref="OriginalEventId"/>, the points that purchase earned are clawed back in proportion.</summary>
public sealed record Return(
    string EventId, string MemberId, DateTimeOffset OccurredAt, long AmountMinor, string Currency, string? OriginalEventId)
    : MoneyEvent(EventId, MemberId, OccurredAt, AmountMinor, Currency);

/// <summary>
/// Something a member did that is not a purchase (a review, a share, opening the app, signing up, or a program's own
/// kind, see <see cref="EngagementKinds"/>): it earns what the program's engagement rule for its kind gives, and counts
/// for engagement badges, challenges and, where the rule says so, the streak.
/// </summary>
public sealed record Engagement(string EventId, string MemberId, DateTimeOffset OccurredAt, string Kind)
    : LoyaltyEvent(EventId, MemberId, OccurredAt);

/// <summary>A member's answer to a satisfaction survey; its score is in the kind's range (<see cref="SurveyScales"/>).</summary>
public sealed record SurveyAnswer(string EventId, string MemberId, DateTimeOffset OccurredAt, SurveyKind Survey, int Score)
    : LoyaltyEvent(EventId, MemberId, OccurredAt);

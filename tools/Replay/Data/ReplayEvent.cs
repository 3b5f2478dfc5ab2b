namespace Loyalty.Replay.Data;

/// <summary>One event as the gateway's events route takes it (camelCase JSON, nulls omitted).</summary>
public sealed record ReplayEvent(
    string Type,
    string EventId,
    string MemberId,
    DateTimeOffset OccurredAt,
    long AmountMinor,
    string Currency,
    IReadOnlyList<ReplayLine>? Lines = null,
    string? Channel = null,
    string? OriginalEventId = null)
{
    public const string PurchaseType = "purchase";
    public const string ReturnType = "return";
}

public sealed record ReplayLine(string Sku, string? Category, long Quantity, long UnitPriceMinor);

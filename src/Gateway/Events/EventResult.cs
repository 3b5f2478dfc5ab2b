namespace Loyalty.Gateway.Events;

public static class EventStatus
{
    public const string Accepted = "accepted";
    public const string Duplicate = "duplicate";
    public const string Rejected = "rejected";
}

/// <summary>The answer for one item of a batch, in the order the items came; a note tells how an accepted item is read.</summary>
public sealed record EventResult(string? EventId, string Status, string? Field = null, string? Error = null, string? Note = null);

public sealed record EventBatchResponse(int Accepted, int Duplicates, int Rejected, IReadOnlyList<EventResult> Results);

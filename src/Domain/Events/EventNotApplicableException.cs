namespace Loyalty.Domain;

/// <summary>The rule book refused an event before changing anything: the member is exactly as it was.</summary>
public sealed class EventNotApplicableException(string eventId, string field, string reason)
    : Exception($"Event '{eventId}' cannot be applied: {field} {reason}.")
{
    public string EventId { get; } = eventId;

    public string Field { get; } = field;

    public string Reason { get; } = reason;
}

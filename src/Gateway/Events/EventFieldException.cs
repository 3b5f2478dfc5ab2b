namespace Loyalty.Gateway.Events;

/// <summary>An event item failed validation at <see cref="Field"/>; it rejects that item only.</summary>
public sealed class EventFieldException(string field, string message) : Exception($"{field}: {message}")
{
    public string Field { get; } = field;

    public string Reason { get; } = message;
}

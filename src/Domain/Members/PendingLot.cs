namespace Loyalty.Domain;

/// <summary>Points of one purchase that wait out the return window; they become available at <see cref="MaturesAt"/>.</summary>
public sealed class PendingLot
{
    public string EventId { get; set; } = "";

    public long Points { get; set; }

    public DateTimeOffset EarnedAt { get; set; }

    public DateTimeOffset MaturesAt { get; set; }
}

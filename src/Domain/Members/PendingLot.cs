namespace Loyalty.Domain;

/// <summary>Points of one purchase that wait out the return window; they become available at <see cref="MaturesAt"/>.</summary>
public sealed class PendingLot(string eventId, long points, DateTimeOffset earnedAt, DateTimeOffset maturesAt)
{
    public string EventId { get; } = eventId;

    public long Points { get; private set; } = points;

    public DateTimeOffset EarnedAt { get; } = earnedAt;

    public DateTimeOffset MaturesAt { get; } = maturesAt;

    /// <summary>Takes up to <paramref name="points"/> from the lot; answers how many it had.</summary>
    internal long Take(long points)
    {
        var take = Math.Min(Points, points);
        Points -= take;
        return take;
    }
}

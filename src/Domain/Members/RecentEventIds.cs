namespace Loyalty.Domain;

/// <summary>
/// The event ids a member applied within the program's duplicate window (by when they were applied), for
/// de-duplication: redeliveries come within minutes and producers' resends within the gateways' index window, so the
/// state holds what the window brings, not the member's whole history. Also capped at <see cref="Capacity"/>.
/// </summary>
public sealed class RecentEventIds
{
    public const int Capacity = 100_000;

    private readonly RecentSet<string, SeenEventId> seen;

    public RecentEventIds()
        : this([])
    {
    }

    private RecentEventIds(List<SeenEventId> seen) => this.seen = new(seen, s => s.Id, StringComparer.Ordinal);

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<SeenEventId> Seen => seen.Items;

    public static RecentEventIds Restore(IEnumerable<SeenEventId> seen) => new([.. seen]);

    public bool Contains(string eventId) => seen.Contains(eventId);

    /// <summary>Records an id applied at <paramref name="now"/>, forgetting ids applied more than <paramref name="windowDays"/> before.</summary>
    public void Add(string eventId, DateTimeOffset now, int windowDays) => Add(eventId, now, now.AddDays(-windowDays));

    /// <summary>Records an id applied at <paramref name="now"/>, forgetting ids applied before <paramref name="keepSince"/>.</summary>
    public void Add(string eventId, DateTimeOffset now, DateTimeOffset keepSince)
    {
        if (seen.Add(new SeenEventId(eventId, now)))
        {
            seen.DropOldest(Capacity, s => s.AppliedAt is { } at && at < keepSince);
        }
    }
}

/// <param name="AppliedAt">When the member applied it; null for ids stored before times were kept.</param>
public sealed record SeenEventId(string Id, DateTimeOffset? AppliedAt);

using System.Text.Json.Serialization;

namespace Loyalty.Domain;

/// <summary>
/// The event ids a member applied within the program's duplicate window (by when they were applied), for
/// de-duplication: redeliveries come within minutes and producers' resends within the gateways' index window, so the
/// state holds what the window brings, not the member's whole history. Also capped at <see cref="Capacity"/>.
/// </summary>
public sealed class RecentEventIds
{
    public const int Capacity = 100_000;

    private HashSet<string>? index;

    /// <summary>Oldest first; this is what is stored.</summary>
    public List<SeenEventId> Seen { get; set; } = [];

    /// <summary>The form stored before ids carried their time: loaded as applied at an unknown time, kept until the cap or the next prune by count.</summary>
    [JsonPropertyName("ids"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? LegacyIds
    {
        get => null;
        set => Seen.InsertRange(0, (value ?? []).Select(id => new SeenEventId(id, null)));
    }

    public bool Contains(string eventId) => Index.Contains(eventId);

    /// <summary>Records an id applied at <paramref name="now"/>, forgetting ids applied before <paramref name="keepSince"/>.</summary>
    public void Add(string eventId, DateTimeOffset now, DateTimeOffset keepSince)
    {
        if (!Index.Add(eventId))
        {
            return;
        }

        Seen.Add(new SeenEventId(eventId, now));
        var drop = 0;
        while (drop < Seen.Count && (Seen.Count - drop > Capacity || Seen[drop].AppliedAt is { } at && at < keepSince))
        {
            Index.Remove(Seen[drop++].Id);
        }

        Seen.RemoveRange(0, drop);
    }

    [JsonIgnore]
    private HashSet<string> Index => index ??= new HashSet<string>(Seen.Select(s => s.Id), StringComparer.Ordinal);
}

/// <param name="AppliedAt">When the member applied it; null for ids stored before times were kept.</param>
public sealed record SeenEventId(string Id, DateTimeOffset? AppliedAt);

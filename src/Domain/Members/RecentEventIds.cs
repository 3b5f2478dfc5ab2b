using System.Text.Json.Serialization;

namespace Loyalty.Domain;

/// <summary>
/// The event ids a member has applied, for de-duplication. Bounded to the newest <see cref="Capacity"/> ids per member:
/// far more than any producer retries, while a member's state stays small.
/// </summary>
public sealed class RecentEventIds
{
    public const int Capacity = 100_000;

    private HashSet<string>? index;

    /// <summary>Oldest first; this is what is stored.</summary>
    public List<string> Ids { get; set; } = [];

    public bool Contains(string eventId) => Index.Contains(eventId);

    public void Add(string eventId)
    {
        if (!Index.Add(eventId))
        {
            return;
        }

        Ids.Add(eventId);
        if (Ids.Count > Capacity)
        {
            var excess = Ids.Count - Capacity;
            foreach (var old in Ids.Take(excess))
            {
                Index.Remove(old);
            }

            Ids.RemoveRange(0, excess);
        }
    }

    [JsonIgnore]
    private HashSet<string> Index => index ??= new HashSet<string>(Ids, StringComparer.Ordinal);
}

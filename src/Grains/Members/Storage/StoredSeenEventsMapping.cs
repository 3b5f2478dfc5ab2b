using System.Globalization;
using Loyalty.Domain;

namespace Loyalty.Grains.Members.Storage;

/// <summary>
/// Seen ids as stored: grouped by the time they were applied rounded up to a whole minute, so an id costs its own bytes
/// and no time of its own. Rounding up keeps every id at least as long as the duplicate window says, at most a minute
/// longer; a time already on a minute stays, so storing again changes nothing.
/// </summary>
public static class StoredSeenEventsMapping
{
    private const string MinuteFormat = "yyyy-MM-dd'T'HH:mm'Z'";

    public static StoredSeenEvents ToStored(RecentEventIds seen)
    {
        var byMinute = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var untimed = new List<StoredSeenEvent>();
        foreach (var id in seen.Seen)
        {
            if (id.AppliedAt is not { } at)
            {
                untimed.Add(new StoredSeenEvent(id.Id, null));
                continue;
            }

            var key = RoundUpToMinute(at).ToString(MinuteFormat, CultureInfo.InvariantCulture);
            if (!byMinute.TryGetValue(key, out var ids))
            {
                byMinute[key] = ids = [];
            }

            ids.Add(id.Id);
        }

        return new StoredSeenEvents { ByMinute = byMinute, Seen = untimed };
    }

    /// <summary>Ids of every schema, oldest first: those without a time, then the timed ones of schemas 1 and 2, then by minute.</summary>
    public static RecentEventIds FromStored(StoredSeenEvents stored) => RecentEventIds.Restore([
        .. (stored.Ids ?? []).Select(id => new SeenEventId(id, null)),
        .. stored.Seen.Select(s => new SeenEventId(s.Id, s.AppliedAt)),
        .. stored.ByMinute.OrderBy(minute => minute.Key, StringComparer.Ordinal).SelectMany(minute =>
        {
            var at = DateTimeOffset.ParseExact(minute.Key, MinuteFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            return minute.Value.Select(id => new SeenEventId(id, at));
        })]);

    private static DateTimeOffset RoundUpToMinute(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        var past = ticks % TimeSpan.TicksPerMinute;
        return new DateTimeOffset(past == 0 ? ticks : ticks - past + TimeSpan.TicksPerMinute, TimeSpan.Zero);
    }
}

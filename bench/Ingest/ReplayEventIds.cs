using Loyalty.Replay.Data;

namespace Loyalty.Bench.Ingest;

/// <summary>The log sent again as new events: the same purchases under ids the members have not seen.</summary>
public static class ReplayEventIds
{
    public static ReplayEvent[] WithIdSuffix(this IEnumerable<ReplayEvent> events, string suffix) =>
        [.. events.Select(e => e with { EventId = e.EventId + suffix })];
}

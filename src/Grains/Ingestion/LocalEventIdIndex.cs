namespace Loyalty.Grains.Ingestion;

/// <summary>
/// The embedded profile's index, in the gateway's own memory (the gateway is the only producer there). It keeps the
/// most recent <see cref="Capacity"/> stored ids; older ones fall back to the member grains' own de-duplication.
/// </summary>
public sealed class LocalEventIdIndex(int capacity = LocalEventIdIndex.DefaultCapacity) : IEventIdIndex
{
    public const int DefaultCapacity = 2_000_000;

    private const string Stored = "";

    private readonly Dictionary<(string Program, string EventId), string> claims = [];
    private readonly Queue<(string Program, string EventId)> storedOrder = new();
    private readonly Lock sync = new();

    public int Capacity => capacity;

    public Task<EventIdClaim[]> Claim(string programId, IReadOnlyList<string> eventIds, string attempt)
    {
        var outcome = new EventIdClaim[eventIds.Count];
        lock (sync)
        {
            for (var i = 0; i < eventIds.Count; i++)
            {
                var key = (programId, eventIds[i]);
                if (!claims.TryGetValue(key, out var holder))
                {
                    claims[key] = attempt;
                    outcome[i] = EventIdClaim.Fresh;
                }
                else
                {
                    outcome[i] = holder == Stored ? EventIdClaim.Stored : holder == attempt ? EventIdClaim.Fresh : EventIdClaim.InDoubt;
                }
            }
        }

        return Task.FromResult(outcome);
    }

    public Task Confirm(string programId, IReadOnlyList<string> eventIds)
    {
        lock (sync)
        {
            foreach (var e in eventIds)
            {
                var key = (programId, e);
                if (!claims.TryGetValue(key, out var holder) || holder != Stored)
                {
                    claims[key] = Stored;
                    storedOrder.Enqueue(key);
                }
            }

            while (storedOrder.Count > capacity)
            {
                claims.Remove(storedOrder.Dequeue());
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool[]> AreStored(string programId, IReadOnlyList<string> eventIds)
    {
        lock (sync)
        {
            return Task.FromResult(eventIds.Select(e => claims.GetValueOrDefault((programId, e)) == Stored).ToArray());
        }
    }

    public Task Release(string programId, IReadOnlyList<string> eventIds, string attempt)
    {
        lock (sync)
        {
            foreach (var e in eventIds)
            {
                var key = (programId, e);
                if (claims.TryGetValue(key, out var holder) && holder == attempt)
                {
                    claims.Remove(key);
                }
            }
        }

        return Task.CompletedTask;
    }
}

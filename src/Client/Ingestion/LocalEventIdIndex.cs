namespace Loyalty.Client.Ingestion;

/// <summary>
/// The embedded profile's index, in the gateway's own memory (the gateway is the only producer there): per program,
/// a set of fingerprints for each time bucket of the window (<see cref="EventIdBuckets"/>), about 20–40 bytes an id
/// as HashSet&lt;ulong&gt; entries. Besides the window, at most <see cref="Capacity"/> stored ids are kept: past it
/// the oldest buckets go, and their resends are answered "accepted" while their members still ignore them.
/// </summary>
public sealed class LocalEventIdIndex(TimeSpan window, int capacity, TimeProvider? time = null)
    : IEventIdIndex
{
    private readonly EventIdBuckets buckets = new(window);
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly Dictionary<(string Program, long Bucket), HashSet<ulong>> stored = [];
    private readonly Queue<(string Program, long Bucket)> oldestFirst = new();
    private readonly Dictionary<(string Program, ulong Id), string> pending = [];
    private readonly Lock sync = new();
    private int storedCount;

    public int Capacity => capacity;

    public Task<EventIdClaim[]> Claim(string programId, IReadOnlyList<ulong> ids, string attempt)
    {
        var outcome = new EventIdClaim[ids.Count];
        lock (sync)
        {
            var current = Prune();
            for (var i = 0; i < ids.Count; i++)
            {
                if (IsStored(programId, ids[i], current))
                {
                    outcome[i] = EventIdClaim.Stored;
                }
                else if (pending.TryGetValue((programId, ids[i]), out var holder))
                {
                    outcome[i] = holder == attempt ? EventIdClaim.Fresh : EventIdClaim.InDoubt;
                }
                else
                {
                    pending[(programId, ids[i])] = attempt;
                    outcome[i] = EventIdClaim.Fresh;
                }
            }
        }

        return Task.FromResult(outcome);
    }

    public Task Confirm(string programId, IReadOnlyList<ulong> ids)
    {
        lock (sync)
        {
            var current = Prune();
            if (!stored.TryGetValue((programId, current), out var bucket))
            {
                stored[(programId, current)] = bucket = [];
                oldestFirst.Enqueue((programId, current));
            }

            foreach (var id in ids)
            {
                pending.Remove((programId, id));
                storedCount += bucket.Add(id) ? 1 : 0;
            }

            Prune();
        }

        return Task.CompletedTask;
    }

    public Task<bool[]> AreStored(string programId, IReadOnlyList<ulong> ids)
    {
        lock (sync)
        {
            var current = Prune();
            return Task.FromResult(ids.Select(id => IsStored(programId, id, current)).ToArray());
        }
    }

    public Task Release(string programId, IReadOnlyList<ulong> ids, string attempt)
    {
        lock (sync)
        {
            foreach (var id in ids)
            {
                if (pending.TryGetValue((programId, id), out var holder) && holder == attempt)
                {
                    pending.Remove((programId, id));
                }
            }
        }

        return Task.CompletedTask;
    }

    private bool IsStored(string programId, ulong id, long current)
    {
        for (var bucket = current; buckets.IsLive(bucket, current); bucket--)
        {
            if (stored.TryGetValue((programId, bucket), out var ids) && ids.Contains(id))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Drops buckets past the window, then the oldest while over capacity; answers the current bucket.</summary>
    private long Prune()
    {
        var current = buckets.Current(clock.GetUtcNow());
        while (oldestFirst.TryPeek(out var oldest) && (!buckets.IsLive(oldest.Bucket, current) || storedCount > capacity))
        {
            storedCount -= stored[oldest].Count;
            stored.Remove(oldestFirst.Dequeue());
        }

        return current;
    }
}

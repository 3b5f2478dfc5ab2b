namespace Loyalty.Grains.Scheduling;

/// <summary>The embedded profile's due times: a sorted set per program slice, in this process, each behind its own lock.</summary>
public sealed class InProcessDueWorkStore : IDueWorkStore
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Program, int Slice), Slice> slices = new();

    public Task Set(string programId, int slice, string memberId, DateTimeOffset? dueAt)
    {
        var members = For(programId, slice);
        lock (members)
        {
            members.Set(memberId, dueAt?.UtcTicks);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> TakeDue(string programId, int slice, DateTimeOffset now, int max, TimeSpan lease)
    {
        var members = For(programId, slice);
        lock (members)
        {
            var due = members.ByDue.TakeWhile(d => d.Ticks <= now.UtcTicks).Take(max).Select(d => d.MemberId).ToList();
            foreach (var memberId in due)
            {
                members.Set(memberId, (now + lease).UtcTicks);
            }

            return Task.FromResult<IReadOnlyList<string>>(due);
        }
    }

    public Task<DateTimeOffset?> Get(string programId, int slice, string memberId)
    {
        var members = For(programId, slice);
        lock (members)
        {
            return Task.FromResult(members.DueOf.TryGetValue(memberId, out var ticks)
                ? new DateTimeOffset(ticks, TimeSpan.Zero)
                : (DateTimeOffset?)null);
        }
    }

    private Slice For(string programId, int slice) => slices.GetOrAdd((programId, slice), _ => new Slice());

    private sealed class Slice
    {
        public SortedSet<(long Ticks, string MemberId)> ByDue { get; } = new(Comparer<(long, string)>.Create(
            (a, b) => a.Item1 != b.Item1 ? a.Item1.CompareTo(b.Item1) : string.CompareOrdinal(a.Item2, b.Item2)));

        public Dictionary<string, long> DueOf { get; } = new(StringComparer.Ordinal);

        public void Set(string memberId, long? ticks)
        {
            if (DueOf.Remove(memberId, out var old))
            {
                ByDue.Remove((old, memberId));
            }

            if (ticks is { } due)
            {
                DueOf[memberId] = due;
                ByDue.Add((due, memberId));
            }
        }
    }
}

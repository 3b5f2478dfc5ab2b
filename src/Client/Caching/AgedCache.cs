using System.Collections.Concurrent;

namespace Loyalty.Client.Caching;

/// <summary>
/// Values per key as this process last read them, read again once older than the maximum age: what the cluster
/// changes reaches every process within that age, without a restart. A read that finds nothing is not cached, so
/// something created a moment ago is seen at once.
/// </summary>
public sealed class AgedCache<TValue>(TimeProvider clock, TimeSpan maxAge)
    where TValue : class
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <param name="read">Reads the value afresh; it is given the value held before (or null), to reuse what did not change.</param>
    public async ValueTask<TValue?> Get(string key, Func<string, TValue?, Task<TValue?>> read)
    {
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(key, out var cached) && now - cached.ReadAt < maxAge)
        {
            return cached.Value;
        }

        var value = await read(key, cached?.Value);
        if (value is null)
        {
            entries.TryRemove(key, out _);
            return null;
        }

        entries[key] = new Entry(value, now);
        return value;
    }

    /// <summary>The value held for the key, however old; never reads.</summary>
    public TValue? Cached(string key) => entries.TryGetValue(key, out var cached) ? cached.Value : null;

    /// <summary>Forgets a key, so the next read sees the newest value.</summary>
    public void Invalidate(string key) => entries.TryRemove(key, out _);

    private sealed record Entry(TValue Value, DateTimeOffset ReadAt);
}

namespace Loyalty.Domain;

/// <summary>
/// Spreads keys over a fixed number of buckets the same way in every process and on every run (string.GetHashCode
/// is randomised per process). Member ids pick their leaderboard shard, stream partition, notification outbox and
/// due-work slice through it, so every silo and gateway must agree on each count.
/// </summary>
public static class StableBucket
{
    /// <summary>The bucket in [0, <paramref name="count"/>) of <paramref name="key"/>: FNV-1a over its UTF-16 code units.</summary>
    public static int Of(string key, int count)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)count);
    }
}

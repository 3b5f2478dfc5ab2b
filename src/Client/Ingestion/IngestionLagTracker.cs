using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Loyalty.Client.Ingestion;

/// <summary>
/// The embedded profile's lag, where publisher and partition grains share one process: the publisher counts each
/// stream item's events in before publishing it, the partition grain counts them out once its members stored them.
/// Counts are kept in 100 ms buckets of publication time, so the oldest pending event's age is the oldest non-empty
/// bucket's; each stream item costs two interlocked adds, never a lock.
/// </summary>
public sealed class IngestionLagTracker(TimeProvider time) : IIngestionLag, IPublicationCounter
{
    private static readonly long BucketTicks = TimeSpan.FromMilliseconds(100).Ticks;

    // Empty buckets older than this are dropped: nothing is counted into a bucket this long after its time.
    private static readonly long PruneAfterBuckets = TimeSpan.FromSeconds(5).Ticks / BucketTicks;

    private readonly ConcurrentDictionary<long, StrongBox<long>> buckets = new();
    private long pending;

    /// <summary>Counted before the item is published: a memory stream may deliver it before publishing returns.</summary>
    public void Publishing(int events, DateTimeOffset publishedAt) => Add(events, publishedAt);

    public void Published(int events, DateTimeOffset publishedAt)
    {
    }

    public void Withdrawn(int events, DateTimeOffset publishedAt) => Add(-events, publishedAt);

    public void Applied(int events, DateTimeOffset publishedAt) => Add(-events, publishedAt);

    public IngestionLag Current
    {
        get
        {
            // A delivery redelivered after it succeeded counts out twice; never report below nothing.
            var events = Math.Max(0, Interlocked.Read(ref pending));
            var now = time.GetUtcNow().UtcTicks / BucketTicks;
            var oldest = long.MaxValue;
            foreach (var (bucket, count) in buckets)
            {
                if (Interlocked.Read(ref count.Value) > 0)
                {
                    oldest = Math.Min(oldest, bucket);
                }
                else if (bucket < now - PruneAfterBuckets)
                {
                    buckets.TryRemove(new KeyValuePair<long, StrongBox<long>>(bucket, count));
                }
            }

            return events == 0 || oldest == long.MaxValue
                ? new IngestionLag(events, TimeSpan.Zero)
                : new IngestionLag(events, TimeSpan.FromTicks(Math.Max(0, time.GetUtcNow().UtcTicks - oldest * BucketTicks)));
        }
    }

    private void Add(int events, DateTimeOffset publishedAt)
    {
        if (events == 0)
        {
            return;
        }

        var bucket = buckets.GetOrAdd(publishedAt.UtcTicks / BucketTicks, static _ => new StrongBox<long>());
        Interlocked.Add(ref bucket.Value, events);
        Interlocked.Add(ref pending, events);
    }
}

using System.Globalization;
using Orleans.Runtime;
using Orleans.Streams;

namespace Loyalty.Streaming.Redis;

/// <summary>
/// A stream whose key ends in <c>/{n}</c> travels on partition n modulo the partition count, so a producer that
/// numbers its streams 0..N-1 fills every partition evenly (a hash would leave some empty and double others up);
/// any other stream goes where the hash ring puts it. Queue ownership still follows the hash ring.
/// </summary>
public sealed class NumberedStreamQueueMapper(HashRingBasedStreamQueueMapper ring) : IConsistentRingStreamQueueMapper
{
    private readonly QueueId[] byNumber = [.. ring.GetAllQueues().OrderBy(queue => queue.GetNumericId())];

    public IEnumerable<QueueId> GetAllQueues() => ring.GetAllQueues();

    public IEnumerable<QueueId> GetQueuesForRange(IRingRange range) => ring.GetQueuesForRange(range);

    public QueueId GetQueueForStream(StreamId streamId)
    {
        var key = streamId.GetKeyAsString();
        var slash = key.LastIndexOf('/');
        return slash >= 0 && uint.TryParse(key.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? byNumber[number % byNumber.Length]
            : ring.GetQueueForStream(streamId);
    }
}

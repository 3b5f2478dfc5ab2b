using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Streams;
using StackExchange.Redis;

namespace Loyalty.Streaming.Redis;

/// <summary>
/// Publishes each batch as one entry (XADD) of its partition's Redis stream; the returned task completes only when
/// Redis has the entry, so a caller that awaits it may acknowledge its producer. No MAXLEN: unacknowledged entries
/// are never dropped.
/// </summary>
public sealed class RedisStreamQueueAdapter(
    string name,
    RedisStreamOptions options,
    IConnectionMultiplexer redis,
    IStreamQueueMapper mapper,
    Serializer<RedisStreamBatchContainer> serializer,
    ILoggerFactory loggers)
    : IQueueAdapter
{
    public const string DataField = "b";

    public string Name => name;

    public bool IsRewindable => false;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

    public async Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        if (token is not null)
        {
            throw new ArgumentException("Redis streams do not take a sequence token from the producer.", nameof(token));
        }

        var batch = new RedisStreamBatchContainer(streamId, [.. events.Cast<object>()], requestContext);
        var key = options.PartitionKey(mapper.GetQueueForStream(streamId).GetNumericId());
        await redis.GetDatabase().StreamAddAsync(key, DataField, serializer.SerializeToArray(batch)).WaitAsync(options.OperationTimeout);
    }

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) =>
        new RedisStreamQueueReceiver(
            options, redis, options.PartitionKey(queueId.GetNumericId()), serializer, loggers.CreateLogger<RedisStreamQueueReceiver>());
}

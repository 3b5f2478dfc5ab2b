using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Streams;
using StackExchange.Redis;

namespace Loyalty.Streaming.Redis;

/// <summary>
/// Publishes each batch as one entry (XADD) of its partition's Redis stream; the returned task completes only when
/// Redis has the entry, so a caller that awaits it may acknowledge its producer. No MAXLEN: unacknowledged entries
/// are never dropped. The entry carries its weight (events) and adds it to the partition's pending count in the same
/// script, so the count and the stream never disagree.
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
    public const string BatchField = "b";

    public const string WeightField = "n";

    private const string AddScript = $"""
        redis.call('XADD', KEYS[1], '*', '{BatchField}', ARGV[1], '{WeightField}', ARGV[2])
        return redis.call('INCRBY', KEYS[2], ARGV[2])
        """;

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
        var partition = mapper.GetQueueForStream(streamId).GetNumericId();
        await redis.GetDatabase().ScriptEvaluateAsync(
                AddScript,
                [options.PartitionKey(partition), options.PendingKey(partition)],
                [serializer.SerializeToArray(batch), batch.Events.Sum(options.Weigh)])
            .WaitAsync(options.OperationTimeout);
    }

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) =>
        new RedisStreamQueueReceiver(options, redis, queueId.GetNumericId(), serializer, loggers.CreateLogger<RedisStreamQueueReceiver>());
}

using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;
using StackExchange.Redis;

namespace Loyalty.Streaming.Redis;

/// <summary>The events of one publication, as stored in one Redis stream entry.</summary>
[GenerateSerializer, Alias("loyalty.redis-stream-batch")]
public sealed class RedisStreamBatchContainer : IBatchContainer
{
    public RedisStreamBatchContainer(StreamId streamId, List<object> events, Dictionary<string, object>? requestContext)
    {
        StreamId = streamId;
        Events = events;
        RequestContext = requestContext;
    }

    [Id(0)]
    public StreamId StreamId { get; }

    [Id(1)]
    public List<object> Events { get; }

    [Id(2)]
    public Dictionary<string, object>? RequestContext { get; }

    /// <summary>The Redis entry this batch was read from: what is acknowledged once it is delivered.</summary>
    [field: NonSerialized]
    public RedisValue EntryId { get; private set; }

    /// <summary>Set when read; travels with the batch to the consumer, which orders and de-duplicates by it.</summary>
    [Id(3)]
    public EventSequenceTokenV2 Token { get; private set; } = new(0);

    public StreamSequenceToken SequenceToken => Token;

    /// <summary>Ties a batch read from Redis to its entry, and orders it within the partition's cache.</summary>
    public RedisStreamBatchContainer TieToEntry(RedisValue entryId, long sequence)
    {
        EntryId = entryId;
        Token = new EventSequenceTokenV2(sequence);
        return this;
    }

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>() =>
        Events.OfType<T>().Select((e, i) => Tuple.Create(e, (StreamSequenceToken)Token.CreateSequenceTokenForEvent(i)));

    public bool ImportRequestContext()
    {
        if (RequestContext is null)
        {
            return false;
        }

        RequestContextExtensions.Import(RequestContext);
        return true;
    }
}

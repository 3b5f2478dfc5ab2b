using StackExchange.Redis;

namespace Loyalty.Streaming.Redis;

/// <summary>Settings of a Redis consumer-group stream provider. Silos and clients must agree on key prefix and partitions.</summary>
public sealed class RedisStreamOptions
{
    /// <summary>StackExchange.Redis configuration string, e.g. "127.0.0.1:6379"; unused when <see cref="CreateMultiplexer"/> is set.</summary>
    [RedactRedisPassword]
    public string ConnectionString { get; set; } = "127.0.0.1:6379";

    /// <summary>
    /// Hands the provider a connection the host shares with its other Redis users; the provider never disposes it.
    /// When null the provider opens a connection of its own from <see cref="ConnectionString"/>. Set in code.
    /// </summary>
    public Func<IServiceProvider, Task<IConnectionMultiplexer>>? CreateMultiplexer { get; set; }

    /// <summary>Each partition is the Redis stream "{KeyPrefix}:{partition}".</summary>
    public string KeyPrefix { get; set; } = "loyalty:events";

    /// <summary>Partitions (Redis stream keys) the events are spread over.</summary>
    public int Partitions { get; set; } = 8;

    /// <summary>The consumer group every silo reads through.</summary>
    public string ConsumerGroup { get; set; } = "silos";

    /// <summary>This process's consumer name; its pending entries are redelivered to it after a restart.</summary>
    public string ConsumerName { get; set; } = Environment.MachineName + "-" + Environment.ProcessId;

    /// <summary>The most entries one read of a partition returns.</summary>
    public int MaxEntriesPerRead { get; set; } = 500;

    /// <summary>
    /// An entry read but not acknowledged for this long is claimed and delivered again by the partition's owner.
    /// Longer than any delivery takes when all is well; a delivery slower than this is applied twice in transport,
    /// once in effect.
    /// </summary>
    public TimeSpan RedeliverAfter { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Bounds every Redis call, so a lost Redis fails a publication quickly instead of hanging it.</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many events one published item counts for in a partition's pending count (default 1): the count is
    /// what was published and not yet delivered, the consumers' lag. Set in code, not bound from configuration.
    /// </summary>
    public Func<object, int> Weigh { get; set; } = _ => 1;

    public string PartitionKey(uint partition) => $"{KeyPrefix}:{partition}";

    /// <summary>The count of events in a partition's entries not yet delivered, kept beside the stream.</summary>
    public string PendingKey(uint partition) => $"{KeyPrefix}:{partition}:pending";

    /// <summary>The counter the partition's sequence numbers are drawn from, kept beside the stream.</summary>
    public string SequenceKey(uint partition) => $"{KeyPrefix}:{partition}:seq";
}

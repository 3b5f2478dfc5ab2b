using StackExchange.Redis;

namespace Loyalty.Streaming.Redis;

/// <summary>
/// What a stream provider's partitions hold and have not delivered: the sum of their pending counts, and the time of
/// the oldest entry still in any of them (delivered entries are deleted). One pipelined round trip for all partitions.
/// Connects as the provider does: through <see cref="RedisStreamOptions.CreateMultiplexer"/> when set (pass the
/// host's services), else on a connection of its own.
/// </summary>
public sealed class RedisStreamBacklog(RedisStreamOptions options, IServiceProvider? services = null) : IAsyncDisposable
{
    private readonly RedisStreamConnection connection = new(options, services);

    public readonly record struct Reading(long Events, DateTimeOffset? Oldest);

    public async Task<Reading> Read()
    {
        var database = (await connection.Get().WaitAsync(options.OperationTimeout)).GetDatabase();
        var partitions = Enumerable.Range(0, options.Partitions).Select(p => (uint)p).ToArray();
        var counts = partitions.Select(p => database.StringGetAsync(options.PendingKey(p))).ToArray();
        var firsts = partitions.Select(p => database.StreamRangeAsync(options.PartitionKey(p), count: 1)).ToArray();
        await Task.WhenAll(counts).WaitAsync(options.OperationTimeout);
        await Task.WhenAll(firsts).WaitAsync(options.OperationTimeout);

        var events = counts.Sum(count => count.Result.TryParse(out long value) ? Math.Max(0, value) : 0);
        var oldest = firsts.Select(first => first.Result).Where(first => first.Length > 0).Select(first => EntryTime(first[0].Id)).DefaultIfEmpty().Min();
        return new Reading(events, oldest);
    }

    /// <summary>An entry id is "{milliseconds since the epoch}-{sequence}", on Redis' clock.</summary>
    private static DateTimeOffset? EntryTime(RedisValue id)
    {
        var text = id.ToString();
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        return long.TryParse(dash < 0 ? text : text[..dash], out var milliseconds) ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}

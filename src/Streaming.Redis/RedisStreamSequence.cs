using StackExchange.Redis;

namespace Loyalty.Streaming.Redis;

/// <summary>
/// Orleans sequence numbers for what a partition's receiver reads, in the order it reads them, from a counter kept
/// in Redis beside the partition: they grow with every read, whichever silo reads and however often it restarts.
/// Orleans skips what lies before a consumer's last token, so numbers must never fall back: an entry claimed again
/// (a previous owner's, or one left pending too long) is numbered as what it is, the newest read, never by its old
/// position in the stream, which a consumer that has moved past it would skip for good. Reads never number below
/// the current time in milliseconds × 1,000, so a counter lost with Redis data restarts above what it issued.
/// </summary>
public sealed class RedisStreamSequence(RedisKey counterKey)
{
    private const int PerMillisecond = 1_000;

    private static readonly LuaScript ReserveScript = LuaScript.Prepare("""
        local last = redis.call('INCRBY', @key, @count)
        local floor = tonumber(@floor) + tonumber(@count)
        if last < floor then
          redis.call('SET', @key, floor)
          last = floor
        end
        return last
        """);

    /// <summary>Reserves <paramref name="count"/> numbers; answers the first.</summary>
    public async Task<long> Reserve(IDatabase database, int count)
    {
        var floor = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * PerMillisecond;
        var last = (long)await database.ScriptEvaluateAsync(ReserveScript, new { key = counterKey, count, floor });
        return last - count + 1;
    }
}

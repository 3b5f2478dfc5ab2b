using Loyalty.Grains.Scheduling;
using Loyalty.Client.Redis;
using StackExchange.Redis;

namespace Loyalty.Silo.Storage;

/// <summary>
/// The Redis profile's due times: a sorted set per program slice, member → due time in Unix milliseconds. Taking the
/// due members moves them on by the lease in the same script, so two silos never take one member at once.
/// </summary>
public sealed class RedisDueWorkStore(LoyaltyRedis redis, string keyPrefix) : IDueWorkStore
{
    private const string TakeScript = """
        local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
        for _, member in ipairs(due) do redis.call('ZADD', KEYS[1], 'XX', ARGV[3], member) end
        return due
        """;

    public async Task Set(string programId, int slice, string memberId, DateTimeOffset? dueAt)
    {
        var database = await redis.Database();
        _ = dueAt is { } due
            ? await database.SortedSetAddAsync(Key(programId, slice), memberId, due.ToUnixTimeMilliseconds())
            : await database.SortedSetRemoveAsync(Key(programId, slice), memberId);
    }

    public async Task<IReadOnlyList<string>> TakeDue(string programId, int slice, DateTimeOffset now, int max, TimeSpan lease)
    {
        var database = await redis.Database();
        var taken = (RedisResult[])(await database.ScriptEvaluateAsync(TakeScript, [Key(programId, slice)],
            [now.ToUnixTimeMilliseconds(), max, (now + lease).ToUnixTimeMilliseconds()]))!;
        return [.. taken.Select(member => (string)member!)];
    }

    public async Task<DateTimeOffset?> Get(string programId, int slice, string memberId)
    {
        var score = await (await redis.Database()).SortedSetScoreAsync(Key(programId, slice), memberId);
        return score is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms) : null;
    }

    private RedisKey Key(string programId, int slice) => $"{keyPrefix}:{programId}:{slice}";
}

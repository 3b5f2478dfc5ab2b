using System.Globalization;
using Loyalty.Domain;
using Loyalty.Grains.Leaderboards;
using Loyalty.Client.Redis;
using StackExchange.Redis;

namespace Loyalty.Silo.Storage;

/// <summary>
/// The Redis profile's board store: one hash per shard, member → "score|reachedAt ticks|offset minutes|version".
/// A write sets only the fields that changed (one HSET), and a closed period's hash expires by itself.
/// </summary>
public sealed class RedisBoardShardStore(LoyaltyRedis redis, string keyPrefix) : IBoardShardStore
{
    private const int ScanPage = 5_000;

    public async Task<IReadOnlyList<BoardEntry>> Load(string shardKey)
    {
        var database = await redis.Database();
        var entries = new List<BoardEntry>();
        await foreach (var field in database.HashScanAsync(Key(shardKey), pageSize: ScanPage))
        {
            entries.Add(Decode(field.Name!, field.Value!));
        }

        return entries;
    }

    public async Task Save(string shardKey, IReadOnlyCollection<BoardEntry> changed, IReadOnlyCollection<string> removed, DateTimeOffset? keptUntil)
    {
        if (changed.Count == 0 && removed.Count == 0)
        {
            return;
        }

        var database = await redis.Database();
        var key = Key(shardKey);
        var transaction = database.CreateTransaction();
        if (changed.Count > 0)
        {
            _ = transaction.HashSetAsync(key, [.. changed.Select(e => new HashEntry(e.MemberId, Encode(e)))]);
        }

        if (removed.Count > 0)
        {
            _ = transaction.HashDeleteAsync(key, [.. removed.Select(member => (RedisValue)member)]);
        }

        if (changed.Count > 0 && keptUntil is { } until)
        {
            _ = transaction.KeyExpireAsync(key, until.UtcDateTime);
        }

        if (!await transaction.ExecuteAsync())
        {
            throw new RedisException($"Storing {changed.Count} and removing {removed.Count} entries of board shard {shardKey} was not committed.");
        }
    }

    private RedisKey Key(string shardKey) => $"{keyPrefix}:{shardKey}";

    private static string Encode(BoardEntry entry) => string.Create(CultureInfo.InvariantCulture,
        $"{entry.Score}|{entry.ReachedAt.UtcTicks}|{(int)entry.ReachedAt.Offset.TotalMinutes}|{entry.Version}");

    private static BoardEntry Decode(string memberId, string value)
    {
        var parts = value.Split('|');
        var invariant = CultureInfo.InvariantCulture;
        var offset = TimeSpan.FromMinutes(int.Parse(parts[2], invariant));
        var reachedAt = new DateTimeOffset(long.Parse(parts[1], invariant), TimeSpan.Zero).ToOffset(offset);
        return new BoardEntry(memberId, long.Parse(parts[0], invariant), reachedAt, long.Parse(parts[3], invariant));
    }
}

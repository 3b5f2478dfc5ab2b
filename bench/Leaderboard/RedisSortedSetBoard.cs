using System.Diagnostics;
using Loyalty.Grains.Interfaces.Leaderboards;
using StackExchange.Redis;

namespace Loyalty.Bench.Leaderboard;

/// <summary>What a user might build instead: one sorted set per board; ZADD pipelined, ZREVRANK, ZREVRANGE.</summary>
internal sealed class RedisSortedSetBoard(IDatabase database, RedisKey key)
{
    public async Task<double> Write(IReadOnlyList<ScoreUpdate> updates, int batchSize, int concurrency)
    {
        var started = Stopwatch.StartNew();
        await Parallel.ForEachAsync(updates.Chunk(batchSize), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (batch, _) =>
            await database.SortedSetAddAsync(key, [.. batch.Select(u => new SortedSetEntry(u.MemberId, u.Score))]));
        return updates.Count / started.Elapsed.TotalSeconds;
    }

    public async Task<long?> Rank(string member) => await database.SortedSetRankAsync(key, member, Order.Descending);

    public async Task<SortedSetEntry[]> Around(string member, int k)
    {
        var rank = await database.SortedSetRankAsync(key, member, Order.Descending) ?? 0;
        return await database.SortedSetRangeByRankWithScoresAsync(key, Math.Max(0, rank - k), rank + k, Order.Descending);
    }
}

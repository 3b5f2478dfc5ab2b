using System.Diagnostics;
using Loyalty.Replay.Data;
using Loyalty.Replay.Sending;
using StackExchange.Redis;

namespace Loyalty.Bench.Ingest;

/// <summary>
/// The Redis profile as operators run it (deploy/local-cluster.sh with one silo and one gateway), beside the path a
/// user might hand-roll on the same Redis: per event HINCRBY on a member hash and ZINCRBY on a leaderboard, pipelined.
/// </summary>
public static class RedisProfileBench
{
    public static async Task<int> Run(IReadOnlyList<ReplayEvent> events, SenderOptions sender)
    {
        await using var cluster = await ScriptedCluster.Start(silos: 1);
        using var http = new HttpClient { BaseAddress = cluster.Gateway, Timeout = TimeSpan.FromMinutes(2) };
        await GatewayPreparation.EnsureProgram(http, "warmup", GatewayPreparation.CdnowProgramJson);
        await GatewayPreparation.EnsureProgram(http, "bench", GatewayPreparation.CdnowProgramJson);
        using var redis = await ConnectionMultiplexer.ConnectAsync(cluster.Redis);
        await new EventBatchSender(http, sender).SendAsync("warmup", events); // the whole log once: JIT tiers settle, so the run measures steady state
        await Drained(redis, TimeSpan.FromMinutes(5));

        var clock = Stopwatch.StartNew();
        var durable = await new EventBatchSender(http, sender).SendAsync("bench", events);
        var allApplied = await Drained(redis, TimeSpan.FromMinutes(5));
        var applied = clock.Elapsed;
        var handRolled = await HandRolled(redis, events, sender.BatchSize);

        Console.WriteLine();
        Console.WriteLine($"{"scenario",-52}{"events",10}{"seconds",10}{"events/s",12}");
        Print("hand-rolled Redis: HINCRBY + ZINCRBY, pipelined", events.Count, handRolled);
        Print("Redis profile: answered = stored in Redis Streams", durable.Sent, durable.Elapsed);
        Print(allApplied ? "Redis profile: applied, members and boards stored" : "Redis profile: applied (INCOMPLETE)", durable.Accepted, applied);
        Console.WriteLine($"target ≥ 30,000 durable events/s; {(durable.Clean ? "all accepted" : "NOT all accepted: " + string.Join("; ", durable.Errors))}");
        return durable.Clean ? 0 : 1;
    }

    /// <summary>
    /// Polls until every member-events stream is empty: entries are deleted only once their members and boards have
    /// stored the effect, so an empty stream means everything sent was applied. False when the deadline passed first.
    /// </summary>
    private static async Task<bool> Drained(ConnectionMultiplexer redis, TimeSpan deadline)
    {
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var partitions = server.Keys(pattern: "*:member-events:*").Where(key => redis.GetDatabase().KeyType(key) == RedisType.Stream).ToList();
        var until = DateTime.UtcNow + deadline;
        while (DateTime.UtcNow < until)
        {
            var lengths = await Task.WhenAll(partitions.Select(key => redis.GetDatabase().StreamLengthAsync(key)));
            if (lengths.All(length => length == 0))
            {
                return true;
            }

            await Task.Delay(20);
        }

        return false;
    }

    private static async Task<TimeSpan> HandRolled(ConnectionMultiplexer redis, IReadOnlyList<ReplayEvent> events, int batch)
    {
        var db = redis.GetDatabase();
        var clock = Stopwatch.StartNew();
        foreach (var chunk in events.Chunk(batch))
        {
            var writes = new List<Task>(chunk.Length * 2);
            foreach (var e in chunk)
            {
                var points = e.AmountMinor / 100;
                writes.Add(db.HashIncrementAsync($"bench:member:{e.MemberId}", "points", points));
                writes.Add(db.SortedSetIncrementAsync("bench:board:points", e.MemberId, points));
            }

            await Task.WhenAll(writes);
        }

        return clock.Elapsed;
    }

    private static void Print(string scenario, int events, TimeSpan elapsed) =>
        Console.WriteLine($"{scenario,-52}{events,10:N0}{elapsed.TotalSeconds,10:N2}{events / elapsed.TotalSeconds,12:N0}");
}

using System.Diagnostics;
using Loyalty.Replay.Data;
using Loyalty.Replay.Sending;
using StackExchange.Redis;

namespace Loyalty.Bench.Ingest;

/// <summary>
/// The Redis profile as operators run it (deploy/local-cluster.sh with one silo and one gateway), beside PostgreSQL
/// and the path a user might hand-roll on the same Redis (per event HINCRBY on a member hash and ZINCRBY on a
/// leaderboard, pipelined); then the bytes it stores per member, and read-your-writes idle and under load.
/// </summary>
public static class RedisProfileBench
{
    private const double FreshnessTargetP99Ms = 500;
    private const double PostgresTarget = 3;

    public static async Task<int> Run(IReadOnlyList<ReplayEvent> events, SenderOptions sender, BenchOptions options, PostgresBaseline.Result postgres)
    {
        await using var cluster = await ScriptedCluster.Start(silos: 1);
        using var http = cluster.CreateClient();
        await GatewayPreparation.EnsureProgram(http, "warmup", GatewayPreparation.CdnowProgramJson);
        await GatewayPreparation.EnsureProgram(http, "bench", GatewayPreparation.CdnowProgramJson);
        using var redis = await ConnectionMultiplexer.ConnectAsync(cluster.Redis + ",allowAdmin=true");
        // The whole log, then --warmups more times under fresh ids: the JIT tiers settle, so the run measures steady
        // state. The first pass alone is what a silo just started does.
        var clock = Stopwatch.StartNew();
        var warmup = await new EventBatchSender(http, sender).SendAsync("warmup", events);
        var coldApplied = await Drained(redis, TimeSpan.FromMinutes(5));
        var coldElapsed = clock.Elapsed;
        var warmupSent = warmup.Sent;
        for (var round = 1; round <= options.Warmups; round++)
        {
            warmupSent += (await new EventBatchSender(http, sender).SendAsync("warmup", events.WithIdSuffix($"-w{round}"))).Sent;
            await Drained(redis, TimeSpan.FromMinutes(5));
        }

        clock.Restart();
        var durable = await new EventBatchSender(http, sender).SendAsync("bench", events);
        var allApplied = await Drained(redis, TimeSpan.FromMinutes(5));
        var applied = clock.Elapsed;
        var storage = new RedisStorageReport(redis);
        var stored = await storage.Members("bench", warmupSent + durable.Sent);

        // The same customers buying again: the steady load below is of this kind, so its capacity is this rate.
        clock.Restart();
        var returning = await new EventBatchSender(http, sender).SendAsync("bench", events.WithIdSuffix("-again"));
        var returningApplied = await Drained(redis, TimeSpan.FromMinutes(5));
        var returningElapsed = clock.Elapsed;
        var handRolled = await HandRolled(redis, events, sender.BatchSize);

        var heavy = await HeavyMember.Send(http, "bench");
        var heavyApplied = await Drained(redis, TimeSpan.FromMinutes(5));
        var heavyStored = await storage.Member("bench", HeavyMember.MemberId, RedisStorageReport.HeavyMemberTarget);

        var idle = await ReadYourWrites.Measure(http, "bench", "fresh-idle", options.Probes, options.ProbeInterval);
        var capacity = ResultTable.PerSecond(returning.Accepted, returningElapsed);
        var loaded = await FreshnessUnderLoad.Measure(http, "bench", events, options.SteadyLoad(capacity), options.Probes, options.ProbeInterval, options.LoadBatch,
            _ => Drained(redis, TimeSpan.FromMinutes(2)));

        var headline = ResultTable.PerSecond(durable.Accepted, applied);
        var handRolledRate = ResultTable.PerSecond(events.Count, handRolled);
        Console.WriteLine();
        Console.WriteLine($"APPLIED events/s, Redis profile, members never seen: {headline:N0}{(allApplied ? "" : " (INCOMPLETE)")}");
        Console.WriteLine($"  = {ResultTable.Ratio(headline, "PostgreSQL", postgres.EventsPerSecond, PostgresTarget)}");
        Console.WriteLine($"  = {ResultTable.Ratio(headline, "hand-rolled Redis", handRolledRate)}");
        var table = new ResultTable();
        table.Add("just started: answered", warmup.Sent, warmup.Elapsed);
        table.Add(coldApplied ? "just started: applied" : "just started: applied (INCOMPLETE)", warmup.Accepted, coldElapsed);
        table.Note($"after {options.Warmups} more passes of the log (steady state):");
        table.Add("Redis profile: answered = stored in Redis Streams", durable.Sent, durable.Elapsed);
        table.Add(allApplied ? "Redis profile: APPLIED, members and boards stored" : "Redis profile: applied (INCOMPLETE)", durable.Accepted, applied);
        table.Add("returning members: answered", returning.Sent, returning.Elapsed);
        table.Add(returningApplied ? "returning members: APPLIED" : "returning members: applied (INCOMPLETE)", returning.Accepted, returningElapsed);
        table.Add("hand-rolled Redis: HINCRBY + ZINCRBY, pipelined", events.Count, handRolled);
        if (postgres.EventsPerSecond is not null)
        {
            table.Add($"PostgreSQL: UPDATE + INSERT a transaction, {PostgresBaseline.Clients} clients", postgres.Events, postgres.Elapsed);
        }

        table.Print();
        Console.WriteLine($"returning members applied = {ResultTable.Ratio(capacity, "PostgreSQL", postgres.EventsPerSecond, PostgresTarget)}");
        Console.WriteLine($"target ≥ 30,000 durable events/s answered; {(durable.Clean ? "all accepted" : "NOT all accepted: " + string.Join("; ", durable.Errors))}");
        Console.WriteLine();
        Console.WriteLine("stored bytes in Redis, MEMORY USAGE after the CDNOW replay:");
        stored.ForEach(line => Console.WriteLine("  " + line));
        Console.WriteLine($"  {HeavyMember.Purchases:N0} purchases, one a day, for one member{(heavyApplied && heavy.Clean ? "" : " (NOT all applied)")}:");
        heavyStored.ForEach(line => Console.WriteLine("  " + line));
        Console.WriteLine();
        Console.WriteLine($"freshness, idle: {idle.Describe()}");
        Console.WriteLine($"freshness under load: {loaded.Probes.Describe()}; target p99 ≤ {FreshnessTargetP99Ms:N0} ms: "
            + $"member view {Verdict(loaded.Probes.MemberP99)}, top {FreshnessProbe.TopN} {Verdict(loaded.Probes.BoardP99)}");
        Console.WriteLine($"  {loaded.DescribeLoad()} ({options.DescribeSteadyLoad(capacity)})");
        return durable.Clean ? 0 : 1;
    }

    private static string Verdict(double p99) => p99 <= FreshnessTargetP99Ms ? "met" : "NOT met";

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
}

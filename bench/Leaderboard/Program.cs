using Loyalty.Client.Hosting;
using System.Diagnostics;
using Loyalty.Bench.Leaderboard;
using Loyalty.ClusterScript;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Leaderboards;
using Loyalty.Grains.Interfaces.Programs;
using Loyalty.Grains.Leaderboards;
using Loyalty.Silo;
using Loyalty.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// One board with a million members: update throughput through the silo's pre-aggregation into the shards, and the
// latency of exact rank and around-me reads; beside them, in the same run, Redis sorted sets doing the same work.
var parsed = BenchOptions.Line.Parse(args);
if (ToolCommandLine.Stop(parsed) is { } exitCode)
{
    return exitCode;
}

var options = BenchOptions.From(parsed);
Console.WriteLine($"{options.Members:N0} members, {options.Updates:N0} updates in batches of {options.BatchSize:N0}, "
    + $"{options.Queries:N0} queries, {Environment.ProcessorCount} cores");

var workload = Workload.Create(options);
var ours = await MeasureOrleans(options, workload);
var redis = await MeasureRedis(options, workload);

Console.WriteLine();
Console.WriteLine($"{"",-36}{"Loyalty.Orleans",18}{"Redis ZSET",14}");
Row("first scores of every member, /s", ours.LoadPerSecond, redis.LoadPerSecond, "N0");
Row("score updates, /s (target ≥ 100,000)", ours.UpdatesPerSecond, redis.UpdatesPerSecond, "N0");
Row("rank p50, ms", ours.Rank.P50, redis.Rank.P50, "N3");
Row("rank p99, ms (target < 2)", ours.Rank.P99, redis.Rank.P99, "N3");
Row("around-me (k=5) p50, ms", ours.Around.P50, redis.Around.P50, "N3");
Row("around-me (k=5) p99, ms", ours.Around.P99, redis.Around.P99, "N3");
Console.WriteLine("Redis orders equal scores by member id; Loyalty.Orleans by who reached the score first, as the product requires.");
return ours.Exact ? 0 : 1;

static void Row(string label, double ours, double redis, string format) =>
    Console.WriteLine($"{label,-36}{ours.ToString(format),18}{redis.ToString(format),14}");

static async Task<Result> MeasureOrleans(BenchOptions options, Workload workload)
{
    var host = Host.CreateDefaultBuilder()
        .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
        .UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(siloPort: 21_211, gatewayPort: 31_211);
            silo.AddLoyaltyGrains(new LoyaltyHostingOptions());
            // Each batch completes only once its scores are stored: the rate is of applied, stored updates.
            silo.Services.Configure<LeaderboardOptions>(boards => boards.StoreBeforeAcknowledge = true);
        })
        .Build();
    await host.StartAsync();
    var grains = host.Services.GetRequiredService<IGrainFactory>();
    await grains.GetGrain<IProgramGrain>(Workload.ProgramId).Configure(Workload.ProgramJson, expectedVersion: null);
    var boardKey = GrainKeys.Leaderboard(Workload.ProgramId, Boards.Points, PeriodKeys.All);

    async Task<double> Send(IReadOnlyList<ScoreUpdate> updates)
    {
        var started = Stopwatch.StartNew();
        await Parallel.ForEachAsync(updates.Chunk(options.BatchSize), new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency },
            async (batch, _) => await grains.GetGrain<ILeaderboardBuffer>(0).Submit([.. batch.Select(u => new BoardScoreUpdate(boardKey, u))]));
        return updates.Count / started.Elapsed.TotalSeconds;
    }

    var load = await Send(workload.Initial);
    var updates = await Send(workload.Changes);
    var board = grains.GetGrain<ILeaderboardGrain>(boardKey);
    var exact = await CheckAgainstReference(board, workload);
    var rank = await Latency.Measure(workload.Probes, member => board.Standing(member, 0));
    var around = await Latency.Measure(workload.Probes, member => board.Standing(member, 5));
    await host.StopAsync();
    return new Result(load, updates, rank, around, exact);
}

static async Task<bool> CheckAgainstReference(ILeaderboardGrain board, Workload workload)
{
    var expected = workload.ReferenceRanks();
    var top = await board.Top(100);
    var wrong = top.Count(e => expected[e.MemberId] != e.Rank);
    foreach (var member in workload.Probes.Take(200))
    {
        wrong += (await board.Standing(member, 0))?.Rank == expected[member] ? 0 : 1;
    }

    Console.WriteLine(wrong == 0 ? "Loyalty.Orleans: top 100 and 200 sampled ranks equal the sorted reference" : $"Loyalty.Orleans: {wrong} WRONG ranks");
    return wrong == 0;
}

static async Task<Result> MeasureRedis(BenchOptions options, Workload workload)
{
    await using var server = await ThrowawayRedis.Start();
    var sorted = new RedisSortedSetBoard(server.Database, "bench:points:all");
    var load = await sorted.Write(workload.Initial, options.BatchSize, options.Concurrency);
    var updates = await sorted.Write(workload.Changes, options.BatchSize, options.Concurrency);
    var rank = await Latency.Measure(workload.Probes, sorted.Rank);
    var around = await Latency.Measure(workload.Probes, member => sorted.Around(member, 5));
    return new Result(load, updates, rank, around, Exact: true);
}

internal sealed record Result(double LoadPerSecond, double UpdatesPerSecond, Percentiles Rank, Percentiles Around, bool Exact);

using System.Diagnostics;
using Loyalty.Bench.Ingest;
using Loyalty.Gateway;
using Loyalty.Replay.Data;
using Loyalty.Replay.Sending;

// Ingestion throughput of the embedded profile for the CDNOW log, beside a do-nothing endpoint measured in the same run.
var options = BenchOptions.Parse(args);
if (options.Profile == "index")
{
    return await IndexMemoryBench.Run(options.Ids);
}

var data = CdnowReader.Read(options.DataFile);
var events = data.Events.Take(options.Events).ToList();
var sender = new SenderOptions { BatchSize = options.BatchSize, Concurrency = options.Concurrency };
Console.WriteLine($"CDNOW: {events.Count:N0} purchases, batches of {sender.BatchSize}, {sender.Concurrency} concurrent requests, {Environment.ProcessorCount} cores");
if (options.Profile == "redis")
{
    return await RedisProfileBench.Run(events, sender);
}

await using var baseline = await BaselineEndpoint.Start();
var baselineRun = await Measure(baseline.Client, "baseline", events, sender);

var gateway = GatewayApp.Build(
    ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Loyalty:SiloPort=21111", "--Loyalty:GatewayPort=31000"]);
await gateway.StartAsync();
using var http = new HttpClient { BaseAddress = new Uri(gateway.Urls.First() + "/"), Timeout = TimeSpan.FromMinutes(2) };
await GatewayPreparation.WaitUntilReady(http, TimeSpan.FromSeconds(60));
await GatewayPreparation.EnsureProgram(http, "warmup", GatewayPreparation.CdnowProgramJson);
await GatewayPreparation.EnsureProgram(http, "bench", GatewayPreparation.CdnowProgramJson);
using var applied = new AppliedEventsCounter();

// A gateway just started: its code is not yet compiled for speed (tiered JIT with profile-guided optimisation).
var coldClock = Stopwatch.StartNew();
var coldRun = await Measure(http, "warmup", events, sender);
var coldApplied = await applied.WaitFor(coldRun.Accepted, TimeSpan.FromMinutes(5));
var coldEndToEnd = coldClock.Elapsed;

// The log again under fresh ids, as a server that has run for a while has: the JIT tiers settle, so the runs below
// measure steady state.
for (var round = 1; round <= options.Warmups; round++)
{
    await new EventBatchSender(http, sender).SendAsync("warmup", [.. events.Select(e => e with { EventId = $"{e.EventId}-w{round}" })]);
    await applied.WaitFor(events.Count * (round + 1L), TimeSpan.FromMinutes(2));
}

applied.Reset();
var started = Stopwatch.StartNew();
var gatewayRun = await Measure(http, "bench", events, sender);
var allApplied = await applied.WaitFor(gatewayRun.Accepted, TimeSpan.FromMinutes(5));
var endToEnd = started.Elapsed;

// The same customers buying again: members are active and their streams known, as in steady production traffic.
var again = events.Select(e => e with { EventId = e.EventId + "-again" }).ToList();
applied.Reset();
started.Restart();
var returningRun = await Measure(http, "bench", again, sender);
var returningApplied = await applied.WaitFor(returningRun.Accepted, TimeSpan.FromMinutes(5));
var returningEndToEnd = started.Elapsed;

var visibility = await ReadYourWrites.Measure(http, "bench", samples: 200);
await gateway.StopAsync();

Console.WriteLine();
Console.WriteLine($"{"scenario",-44}{"events",10}{"seconds",10}{"events/s",12}");
Print("baseline: do-nothing endpoint", baselineRun.Sent, baselineRun.Elapsed);
Print("just started: answered", coldRun.Sent, coldRun.Elapsed);
Print(coldApplied ? "just started: applied by members" : "just started: applied (INCOMPLETE)", coldRun.Accepted, coldEndToEnd);
Console.WriteLine($"after {options.Warmups} more passes of the log (steady state):");
Print("embedded gateway: answered (stored on stream)", gatewayRun.Sent, gatewayRun.Elapsed);
Print(allApplied ? "embedded gateway: applied by members" : "embedded gateway: applied (INCOMPLETE)", gatewayRun.Accepted, endToEnd);
Print("returning members: answered", returningRun.Sent, returningRun.Elapsed);
Print(returningApplied ? "returning members: applied" : "returning members: applied (INCOMPLETE)", returningRun.Accepted, returningEndToEnd);
Console.WriteLine();
Console.WriteLine($"gateway / baseline: {gatewayRun.EventsPerSecond / baselineRun.EventsPerSecond:P0}; target ≥ 50,000 events/s answered");
Console.WriteLine($"read-your-writes, {visibility.Samples} single-event posts: member view p50 {visibility.MemberP50:N1} ms, p99 {visibility.MemberP99:N1} ms; "
    + $"leaderboard p50 {visibility.BoardP50:N1} ms, p99 {visibility.BoardP99:N1} ms");
return gatewayRun.Clean ? 0 : 1;

static async Task<ReplaySummary> Measure(HttpClient client, string program, IReadOnlyList<ReplayEvent> events, SenderOptions sender)
{
    var summary = await new EventBatchSender(client, sender).SendAsync(program, events);
    if (!summary.Clean)
    {
        Console.WriteLine($"{program}: {summary.FailedBatches} failed batches, {summary.Rejected} rejected: {string.Join("; ", summary.Errors)}");
    }

    return summary;
}

static void Print(string scenario, int events, TimeSpan elapsed) =>
    Console.WriteLine($"{scenario,-44}{events,10:N0}{elapsed.TotalSeconds,10:N2}{events / elapsed.TotalSeconds,12:N0}");

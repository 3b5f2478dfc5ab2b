using System.Diagnostics;
using Loyalty.Gateway;
using Loyalty.Replay.Data;
using Loyalty.Replay.Sending;

namespace Loyalty.Bench.Ingest;

/// <summary>
/// The embedded profile (gateway and silo in this process): ingestion beside a do-nothing endpoint and PostgreSQL,
/// memory per member, and read-your-writes idle and under a steady load at half the applied capacity.
/// </summary>
public static class EmbeddedProfileBench
{
    private static readonly string OperatorKey = "lko_" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    private const double FreshnessTargetP99Ms = 100;

    public static async Task<int> Run(IReadOnlyList<ReplayEvent> events, SenderOptions sender, BenchOptions options, PostgresBaseline.Result postgres)
    {
        var members = events.Select(e => e.MemberId).Distinct().Count();
        await using var baseline = await BaselineEndpoint.Start();
        var baselineRun = await Measure(baseline.Client, "baseline", events, sender);

        var gateway = GatewayApp.Build(
            ["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Loyalty:SiloPort=21111", "--Loyalty:GatewayPort=31000",
             $"--Loyalty:Security:OperatorKey={OperatorKey}"]);
        await gateway.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(gateway.Urls.First() + "/"), Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", OperatorKey);
        await GatewayPreparation.WaitUntilReady(http, TimeSpan.FromSeconds(60));
        await GatewayPreparation.EnsureProgram(http, "warmup", GatewayPreparation.CdnowProgramJson);
        await GatewayPreparation.EnsureProgram(http, "bench", GatewayPreparation.CdnowProgramJson);
        using var applied = new AppliedEventsCounter();
        var started = await MemberMemory.Take(gateway.Services);

        // A gateway just started: its code is not yet compiled for speed (tiered JIT with profile-guided optimisation).
        var clock = Stopwatch.StartNew();
        var coldRun = await Measure(http, "warmup", events, sender);
        var coldApplied = await applied.WaitFor(coldRun.Accepted, TimeSpan.FromMinutes(5));
        var coldEndToEnd = clock.Elapsed;

        // The log again under fresh ids, as a server that has run for a while has: the JIT tiers settle, so the runs below
        // measure steady state.
        for (var round = 1; round <= options.Warmups; round++)
        {
            await new EventBatchSender(http, sender).SendAsync("warmup", events.WithIdSuffix($"-w{round}"));
            await applied.WaitFor(events.Count * (round + 1L), TimeSpan.FromMinutes(2));
        }

        var beforeReplay = await MemberMemory.Take(gateway.Services);
        applied.Reset();
        clock.Restart();
        var gatewayRun = await Measure(http, "bench", events, sender);
        var allApplied = await applied.WaitFor(gatewayRun.Accepted, TimeSpan.FromMinutes(5));
        var endToEnd = clock.Elapsed;
        var afterReplay = await MemberMemory.Take(gateway.Services);

        // The same customers buying again: members are active, as in steady production traffic.
        var again = events.WithIdSuffix("-again");
        applied.Reset();
        clock.Restart();
        var returningRun = await Measure(http, "bench", again, sender);
        var returningApplied = await applied.WaitFor(returningRun.Accepted, TimeSpan.FromMinutes(5));
        var returningEndToEnd = clock.Elapsed;

        var idle = await ReadYourWrites.Measure(http, "bench", "fresh-idle", options.Probes, options.ProbeInterval);
        // The load is returning customers, so its capacity is the returning pass's applied rate.
        var capacity = ResultTable.PerSecond(returningRun.Accepted, returningEndToEnd);
        applied.Reset();
        var gcDuringLoad = GcPauses.Watch();
        var loaded = await FreshnessUnderLoad.Measure(http, "bench", events, options.SteadyLoad(capacity), options.Probes, options.ProbeInterval, options.LoadBatch,
            count => applied.WaitFor(count, TimeSpan.FromMinutes(2)));
        await gcDuringLoad.DisposeAsync();

        await MemberMemory.CollectIdleActivations(gateway.Services, TimeSpan.FromMinutes(1));
        var collected = await MemberMemory.Take(gateway.Services);
        var collectionAge = MemberMemory.CollectionAge(gateway.Services);
        await gateway.StopAsync();

        var headline = ResultTable.PerSecond(gatewayRun.Accepted, endToEnd);
        Console.WriteLine();
        Console.WriteLine($"APPLIED events/s, embedded, steady state, members never seen: {headline:N0}{(allApplied ? "" : " (INCOMPLETE)")}");
        Console.WriteLine($"  = {ResultTable.Ratio(headline, "PostgreSQL", postgres.EventsPerSecond)}");
        var table = new ResultTable();
        table.Add("baseline: do-nothing endpoint (answered)", baselineRun.Sent, baselineRun.Elapsed);
        table.Add("just started: answered", coldRun.Sent, coldRun.Elapsed);
        table.Add(coldApplied ? "just started: applied by members" : "just started: applied (INCOMPLETE)", coldRun.Accepted, coldEndToEnd);
        table.Note($"after {options.Warmups} more passes of the log (steady state):");
        table.Add("members never seen: answered (stored on stream)", gatewayRun.Sent, gatewayRun.Elapsed);
        table.Add(allApplied ? "members never seen: APPLIED by members" : "members never seen: applied (INCOMPLETE)", gatewayRun.Accepted, endToEnd);
        table.Add("returning members: answered", returningRun.Sent, returningRun.Elapsed);
        table.Add(returningApplied ? "returning members: APPLIED" : "returning members: applied (INCOMPLETE)", returningRun.Accepted, returningEndToEnd);
        if (postgres.EventsPerSecond is not null)
        {
            table.Add($"PostgreSQL: UPDATE + INSERT a transaction, {PostgresBaseline.Clients} clients", postgres.Events, postgres.Elapsed);
        }

        table.Print();
        Console.WriteLine($"returning members applied = {ResultTable.Ratio(capacity, "PostgreSQL", postgres.EventsPerSecond)}");
        Console.WriteLine($"answered, members never seen / do-nothing endpoint: {gatewayRun.EventsPerSecond / baselineRun.EventsPerSecond:P0}");
        Console.WriteLine();
        Console.WriteLine($"freshness, idle: {idle.Describe()}");
        Console.WriteLine($"freshness under load: {loaded.Probes.Describe()}; target p99 ≤ {FreshnessTargetP99Ms:N0} ms: "
            + $"member view {Verdict(loaded.Probes.MemberP99)}, top {FreshnessProbe.TopN} {Verdict(loaded.Probes.BoardP99)}");
        Console.WriteLine($"  {loaded.DescribeLoad()} ({options.DescribeSteadyLoad(capacity)})");
        Console.WriteLine($"  meanwhile {gcDuringLoad.Describe()}");
        Console.WriteLine();
        Console.WriteLine("memory per member, after a full compacting collection:");
        Console.WriteLine("  " + MemberMemory.Describe($"CDNOW replay, {members:N0} new members", beforeReplay, afterReplay, members));
        var stored = (2 * members) + (2 * options.Probes);
        Console.WriteLine("  " + MemberMemory.Describe($"all {stored:N0} stored members (warmup, bench, probes) since start, activations collected", started, collected, stored));
        Console.WriteLine($"  idle activations live {collectionAge.TotalMinutes:N0} min (GrainCollectionOptions.CollectionAge; the product does not set it)");
        return gatewayRun.Clean ? 0 : 1;
    }

    private static string Verdict(double p99) => p99 <= FreshnessTargetP99Ms ? "met" : "NOT met";

    private static async Task<ReplaySummary> Measure(HttpClient client, string program, IReadOnlyList<ReplayEvent> events, SenderOptions sender)
    {
        var summary = await new EventBatchSender(client, sender).SendAsync(program, events);
        if (!summary.Clean)
        {
            Console.WriteLine($"{program}: {summary.FailedBatches} failed batches, {summary.Rejected} rejected: {string.Join("; ", summary.Errors)}");
        }

        return summary;
    }
}

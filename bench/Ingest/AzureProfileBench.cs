using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Loyalty.Replay.Data;
using Loyalty.Replay.Sending;

namespace Loyalty.Bench.Ingest;

/// <summary>
/// The Azure Storage profile as operators run it locally (deploy/local-cluster.sh, LOYALTY_PROFILE=azure, one silo and
/// one gateway on Azurite), beside what that Azurite sustains for plain table upserts in the same run: one upsert a
/// member event, from 64 callers, and the same rows in transactions of 100. Azurite is one Node process on the same
/// cores, so both figures are the emulator's, not Azure's (docs/operations.md gives Azure's limits).
/// </summary>
public static class AzureProfileBench
{
    private const int Callers = 64;
    private const int BaselineEvents = 20_000;

    public static async Task<int> Run(IReadOnlyList<ReplayEvent> events, SenderOptions sender, BenchOptions options)
    {
        await using var cluster = await ScriptedCluster.Start(silos: 1, profile: "azure");
        using var http = cluster.CreateClient();
        await GatewayPreparation.EnsureProgram(http, "warmup", GatewayPreparation.CdnowProgramJson);
        await GatewayPreparation.EnsureProgram(http, "bench", GatewayPreparation.CdnowProgramJson);
        var queues = new QueueServiceClient(cluster.AzureStorage);

        var clock = Stopwatch.StartNew();
        var warmup = await new EventBatchSender(http, sender).SendAsync("warmup", events);
        var coldApplied = await Drained(queues, TimeSpan.FromMinutes(10));
        var coldElapsed = clock.Elapsed;
        for (var round = 1; round <= options.Warmups; round++)
        {
            await new EventBatchSender(http, sender).SendAsync("warmup", events.WithIdSuffix($"-w{round}"));
            await Drained(queues, TimeSpan.FromMinutes(10));
        }

        clock.Restart();
        var durable = await new EventBatchSender(http, sender).SendAsync("bench", events);
        var allApplied = await Drained(queues, TimeSpan.FromMinutes(10));
        var applied = clock.Elapsed;

        var baseline = events.Take(BaselineEvents).ToList();
        var table = new TableServiceClient(cluster.AzureStorage).GetTableClient("benchplain");
        await table.CreateIfNotExistsAsync();
        var single = await PlainUpserts(table, baseline);
        var (batchedRows, batched) = await PlainTransactions(table, baseline);

        var headline = ResultTable.PerSecond(durable.Accepted, applied);
        Console.WriteLine();
        Console.WriteLine($"APPLIED events/s, Azure Storage profile on Azurite, members never seen: {headline:N0}{(allApplied ? "" : " (INCOMPLETE)")}");
        Console.WriteLine($"  = {ResultTable.Ratio(headline, "Azurite's plain upserts", ResultTable.PerSecond(baseline.Count, single))}");
        var results = new ResultTable();
        results.Add("just started: answered", warmup.Sent, warmup.Elapsed);
        results.Add(coldApplied ? "just started: applied" : "just started: applied (INCOMPLETE)", warmup.Accepted, coldElapsed);
        results.Note($"after {options.Warmups} more passes of the log:");
        results.Add("Azure profile: answered = on the member-event queues", durable.Sent, durable.Elapsed);
        results.Add(allApplied ? "Azure profile: APPLIED, every message deleted" : "Azure profile: applied (INCOMPLETE)", durable.Accepted, applied);
        results.Add($"Azurite: plain upsert of one row an event, {Callers} callers", baseline.Count, single);
        results.Add("Azurite: a row a member, in transactions of 100", batchedRows, batched);
        results.Print();
        Console.WriteLine(durable.Clean ? "all accepted" : "NOT all accepted: " + string.Join("; ", durable.Errors));
        return durable.Clean && allApplied ? 0 : 1;
    }

    /// <summary>Polls until every member-event queue is empty: a message is deleted only once its members stored its effect.</summary>
    private static async Task<bool> Drained(QueueServiceClient queues, TimeSpan deadline)
    {
        var names = new List<string>();
        await foreach (var queue in queues.GetQueuesAsync(prefix: "loyalty-member-events-"))
        {
            names.Add(queue.Name);
        }

        var until = DateTime.UtcNow + deadline;
        while (DateTime.UtcNow < until)
        {
            var counts = await Task.WhenAll(names.Select(name => queues.GetQueueClient(name).GetPropertiesAsync()));
            if (counts.All(count => count.Value.ApproximateMessagesCount == 0))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    private static async Task<TimeSpan> PlainUpserts(TableClient table, IReadOnlyList<ReplayEvent> events)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(events, new ParallelOptions { MaxDegreeOfParallelism = Callers }, async (e, _) =>
            await table.UpsertEntityAsync(new TableEntity("plain", e.MemberId) { ["Points"] = e.AmountMinor / 100 }));
        return clock.Elapsed;
    }

    private static async Task<(int Rows, TimeSpan Elapsed)> PlainTransactions(TableClient table, IReadOnlyList<ReplayEvent> events)
    {
        var clock = Stopwatch.StartNew();
        var chunks = events.DistinctBy(e => e.MemberId).Chunk(100).ToList();
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = Callers / 8 }, async (chunk, _) =>
            await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(
                TableTransactionActionType.UpsertMerge, new TableEntity("batched", e.MemberId) { ["Points"] = e.AmountMinor / 100 }))));
        return (chunks.Sum(chunk => chunk.Length), clock.Elapsed);
    }
}

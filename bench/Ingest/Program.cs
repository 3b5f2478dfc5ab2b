using Loyalty.Bench.Ingest;
using Loyalty.Replay.Data;
using Loyalty.Replay.Sending;
using Loyalty.Tools;

// The ingestion measures of the CDNOW log, each beside a baseline measured in the same run: see README.md here.
var parsed = BenchCommandLine.Line.Parse(args);
if (ToolCommandLine.Stop(parsed) is { } exitCode)
{
    return exitCode;
}

var options = BenchCommandLine.From(parsed);
if (options.Profile == "index")
{
    return await IndexMemoryBench.Run(options.Ids);
}

var data = CdnowReader.Read(options.DataFile);
var events = data.Events.Take(options.Events).ToList();
var sender = new SenderOptions { BatchSize = options.BatchSize, Concurrency = options.Concurrency };
Console.WriteLine($"CDNOW: {events.Count:N0} purchases of {events.Select(e => e.MemberId).Distinct().Count():N0} members, "
    + $"batches of {sender.BatchSize}, {sender.Concurrency} concurrent requests, {Environment.ProcessorCount} cores");

// Measured first, while nothing else runs: the product is measured against it below.
var postgres = options.Postgres ? await PostgresBaseline.Run(events) : new PostgresBaseline.Result(null, 0, TimeSpan.Zero, "--postgres off");
Console.WriteLine($"PostgreSQL baseline ({PostgresBaseline.Clients} clients, one transaction per event): {postgres.Describe()}");

return options.Profile switch
{
    "redis" => await RedisProfileBench.Run(events, sender, options, postgres),
    "azure" => await AzureProfileBench.Run(events, sender, options),
    _ => await EmbeddedProfileBench.Run(events, sender, options, postgres),
};

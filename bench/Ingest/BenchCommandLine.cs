using System.CommandLine;
using Loyalty.Tools;

namespace Loyalty.Bench.Ingest;

/// <summary>The bench's command line: every option has the default of a full run; see README.md here.</summary>
public static class BenchCommandLine
{
    private static readonly Option<string> ProfileOption = new Option<string>("--profile")
    {
        Description = "What to measure: the embedded profile, the Redis or Azure Storage profile (starts deploy/local-cluster.sh), or the duplicate index.",
        DefaultValueFactory = _ => "embedded",
    }.AcceptOnlyFromAmong("embedded", "redis", "azure", "index");

    private static readonly Option<int> EventsOption = Count("--events", "Purchases of the log to send; all when not given.", fallback: null);
    private static readonly Option<int> BatchOption = Count("--batch", "Events per request.", 5_000);
    private static readonly Option<int> ConcurrencyOption = Count("--concurrency", "Requests in flight at once.", 4);
    private static readonly Option<int> WarmupsOption = Count("--warmups", "Passes of the log before the measured runs.", 8, least: 0);
    private static readonly Option<int> ProbesOption = Count("--probes", "Read-your-writes probes, on the idle system and again under load.", 200);
    private static readonly Option<int> ProbeIntervalOption = Count("--probe-interval-ms", "Least time between the starts of two probes, in ms.", 50);
    private static readonly Option<int> LoadBatchOption = Count("--load-batch", "Events per request of the steady load.", 100);
    private static readonly Option<int> LoadRateOption = Count(
        "--load-rate", "Events/s of the steady load under which freshness is measured; 0: half the applied capacity measured in the run.", 0, least: 0);
    private static readonly Option<int> IdsOption = Count("--ids", "Event ids the index profile stores.", 200_000);

    private static readonly Option<string> PostgresOption = new Option<string>("--postgres")
    {
        Description = "Whether to measure the PostgreSQL baseline.",
        DefaultValueFactory = _ => "on",
    }.AcceptOnlyFromAmong("on", "off");

    private static readonly Option<string?> DataOption = new("--data")
    {
        Description = "The CDNOW log; by default shared/data/CDNOW_master.txt beside the repository.",
        HelpName = "FILE",
    };

    public static RootCommand Line { get; } = new("The ingestion figures for the CDNOW log, each beside a baseline measured in the same run.")
    {
        ProfileOption, EventsOption, BatchOption, ConcurrencyOption, WarmupsOption, ProbesOption, ProbeIntervalOption,
        LoadBatchOption, LoadRateOption, PostgresOption, DataOption, IdsOption,
    };

    public static BenchOptions From(ParseResult parsed)
    {
        var profile = parsed.GetRequiredValue(ProfileOption);
        // The index bench reads no log.
        var data = parsed.GetValue(DataOption) ?? (profile == "index" ? "" : FindData("CDNOW_master.txt"));
        return new BenchOptions(
            // An --events given is at least 1: 0 is "not given".
            data, parsed.GetValue(EventsOption) is > 0 and var events ? events : int.MaxValue, parsed.GetValue(BatchOption), parsed.GetValue(ConcurrencyOption), profile,
            parsed.GetValue(WarmupsOption), parsed.GetValue(IdsOption), parsed.GetValue(ProbesOption), parsed.GetValue(ProbeIntervalOption),
            parsed.GetValue(LoadBatchOption), parsed.GetValue(PostgresOption) == "on", parsed.GetValue(LoadRateOption));
    }

    private static Option<int> Count(string name, string description, int? fallback, int least = 1)
    {
        var option = new Option<int>(name) { Description = description, HelpName = "N" };
        if (fallback is { } value)
        {
            option.DefaultValueFactory = _ => value;
        }

        return option.AtLeast(least);
    }

    /// <summary>../shared/data beside the repository, found from the working directory or the binaries.</summary>
    private static string FindData(string name)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data", name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException($"shared/data/{name} not found; pass --data FILE.");
    }
}

using System.Globalization;

namespace Loyalty.Bench.Ingest;

/// <param name="Probes">Read-your-writes probes, on the idle system and again under load.</param>
/// <param name="ProbeIntervalMs">Least time between the starts of two probes.</param>
/// <param name="LoadBatch">Events per request of the steady load.</param>
/// <param name="Postgres">Whether to measure the PostgreSQL baseline.</param>
/// <param name="LoadRate">Events/s of the steady load under which freshness is measured; 0: half the applied capacity measured in the run.</param>
public sealed record BenchOptions(
    string DataFile, int Events, int BatchSize, int Concurrency, string Profile, int Warmups, int Ids = 200_000,
    int Probes = 200, int ProbeIntervalMs = 50, int LoadBatch = 100, bool Postgres = true, int LoadRate = 0)
{
    private const string Usage = "options: --profile embedded|redis|index --events N --batch N --concurrency N --data FILE --warmups N "
        + "--probes N --probe-interval-ms N --load-batch N --load-rate N --postgres on|off --ids N (index)";

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions("", int.MaxValue, 5_000, 4, "embedded", 8);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--events" => options with { Events = Number(value) },
                "--batch" => options with { BatchSize = Number(value) },
                "--concurrency" => options with { Concurrency = Number(value) },
                "--data" => options with { DataFile = value },
                "--profile" => options with { Profile = value },
                "--warmups" => options with { Warmups = Number(value) },
                "--ids" => options with { Ids = Number(value) },
                "--probes" => options with { Probes = Number(value) },
                "--probe-interval-ms" => options with { ProbeIntervalMs = Number(value) },
                "--load-batch" => options with { LoadBatch = Number(value) },
                "--load-rate" => options with { LoadRate = Number(value) },
                "--postgres" => options with { Postgres = value is "on" or "true" or "1" },
                _ => throw new ArgumentException($"Unknown option {args[i]}; {Usage}"),
            };
        }

        if (args.Length % 2 != 0)
        {
            throw new ArgumentException($"Option {args[^1]} has no value; {Usage}");
        }

        // The index bench reads no log.
        return options.DataFile.Length > 0 || options.Profile == "index" ? options : options with { DataFile = FindData("CDNOW_master.txt") };
    }

    public TimeSpan ProbeInterval => TimeSpan.FromMilliseconds(ProbeIntervalMs);

    /// <summary>The steady load's events/s: <see cref="LoadRate"/> when given, else half of <paramref name="appliedCapacity"/>.</summary>
    public double SteadyLoad(double appliedCapacity) => LoadRate > 0 ? LoadRate : appliedCapacity / 2;

    /// <summary>Says where the steady load's rate came from.</summary>
    public string DescribeSteadyLoad(double appliedCapacity) =>
        LoadRate > 0 ? $"--load-rate; the returning members' applied capacity was {appliedCapacity:N0} events/s" : $"half of the returning members' applied {appliedCapacity:N0} events/s";

    private static int Number(string value) => int.Parse(value, CultureInfo.InvariantCulture);

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

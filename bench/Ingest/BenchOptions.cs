using System.Globalization;

namespace Loyalty.Bench.Ingest;

public sealed record BenchOptions(string DataFile, int Events, int BatchSize, int Concurrency, string Profile, int Warmups, int Ids = 200_000)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions("", int.MaxValue, 5_000, 4, "embedded", 8);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--events" => options with { Events = int.Parse(value, CultureInfo.InvariantCulture) },
                "--batch" => options with { BatchSize = int.Parse(value, CultureInfo.InvariantCulture) },
                "--concurrency" => options with { Concurrency = int.Parse(value, CultureInfo.InvariantCulture) },
                "--data" => options with { DataFile = value },
                "--profile" => options with { Profile = value },
                "--warmups" => options with { Warmups = int.Parse(value, CultureInfo.InvariantCulture) },
                "--ids" => options with { Ids = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option {args[i]}; options: --profile embedded|redis|index --events N --batch N --concurrency N --data FILE --warmups N --ids N (index)"),
            };
        }

        // The index bench reads no log.
        return options.DataFile.Length > 0 || options.Profile == "index" ? options : options with { DataFile = FindData("CDNOW_master.txt") };
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

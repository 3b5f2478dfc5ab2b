namespace Loyalty.Bench.Leaderboard;

/// <summary>Command line: --members N --updates N --queries N --batch N --concurrency N.</summary>
internal sealed record BenchOptions(int Members, int Updates, int Queries, int BatchSize, int Concurrency)
{
    public static BenchOptions Parse(string[] args)
    {
        int Value(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
        }

        return new BenchOptions(
            Value("--members", 1_000_000), Value("--updates", 1_000_000), Value("--queries", 10_000), Value("--batch", 5_000), Value("--concurrency", 16));
    }
}

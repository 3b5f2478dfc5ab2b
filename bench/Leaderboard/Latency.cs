using System.Diagnostics;

namespace Loyalty.Bench.Leaderboard;

internal readonly record struct Percentiles(double P50, double P99);

/// <summary>One query at a time, as an app's single request sees it; after a warm-up of a tenth of the probes.</summary>
internal static class Latency
{
    public static async Task<Percentiles> Measure<T>(IReadOnlyList<string> probes, Func<string, Task<T>> query)
    {
        foreach (var member in probes.Take(probes.Count / 10))
        {
            await query(member);
        }

        var samples = new double[probes.Count];
        for (var i = 0; i < probes.Count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await query(probes[i]);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(samples);
        return new Percentiles(samples[samples.Length / 2], samples[(int)(samples.Length * 0.99)]);
    }
}

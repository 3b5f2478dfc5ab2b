using System.Diagnostics;
using Loyalty.Replay.Data;

namespace Loyalty.Bench.Ingest;

/// <summary>
/// Freshness under a steady load: a <see cref="PacedLoad"/> of returning customers, by default at half the
/// applied capacity measured earlier in the same run, and meanwhile the read-your-writes probes of new members. Afterwards,
/// how long the cluster took to apply what was still in flight: near zero when it kept up with the load.
/// </summary>
public static class FreshnessUnderLoad
{
    private static readonly TimeSpan LeadIn = TimeSpan.FromSeconds(2);

    public sealed record Result(double OfferedTarget, PacedLoad.Summary Load, ReadYourWrites.Result Probes, TimeSpan? CaughtUpAfter)
    {
        public string DescribeLoad() =>
            $"load {Load.OfferedPerSecond:N0} events/s offered (target {OfferedTarget:N0}) for {Load.Elapsed.TotalSeconds:N1} s, {Load.Refused:N0} refused; "
            + (CaughtUpAfter is { } after ? $"all applied {after.TotalMilliseconds:N0} ms after the load stopped" : "NOT all applied within the deadline");
    }

    /// <param name="allApplied">Waits until the given count of events sent since the load started is applied; false past its deadline.</param>
    public static async Task<Result> Measure(
        HttpClient http, string program, IReadOnlyList<ReplayEvent> log, double target, int probes, TimeSpan interval, int batchSize,
        Func<long, Task<bool>> allApplied)
    {
        var load = PacedLoad.Start(http, program, log, target, batchSize);
        await Task.Delay(LeadIn);
        var measured = await ReadYourWrites.Measure(http, program, "fresh-loaded", probes, interval);
        var summary = await load.Stop();
        var clock = Stopwatch.StartNew();
        var caughtUp = await allApplied(summary.Accepted + probes);
        return new Result(target, summary, measured, caughtUp ? clock.Elapsed : null);
    }
}

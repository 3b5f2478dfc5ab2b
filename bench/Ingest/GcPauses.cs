namespace Loyalty.Bench.Ingest;

/// <summary>
/// The collections of this process while a measurement runs, each with its pause: the embedded profile's gateway and
/// silo share the bench's process, so a freshness tail can be set beside the pauses that may have caused it.
/// </summary>
public sealed class GcPauses : IAsyncDisposable
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(5);

    private readonly Dictionary<long, TimeSpan> pauses = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampler;
    private readonly TimeSpan totalBefore = GC.GetTotalPauseDuration();

    private GcPauses() => sampler = Task.Run(Sample);

    public static GcPauses Watch() => new();

    /// <summary>Collections seen, their total pause (exact) and the longest ones seen (sampled, so a collection may be missed).</summary>
    public string Describe()
    {
        var total = GC.GetTotalPauseDuration() - totalBefore;
        var longest = pauses.Values.OrderDescending().Take(3).Select(p => $"{p.TotalMilliseconds:N0}");
        return $"GC paused the process {total.TotalMilliseconds:N0} ms in all; {pauses.Count:N0} collections seen, the longest pauses {string.Join(", ", longest)} ms";
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampler;
        stop.Dispose();
    }

    private async Task Sample()
    {
        while (!stop.IsCancellationRequested)
        {
            foreach (var kind in (ReadOnlySpan<GCKind>)[GCKind.Ephemeral, GCKind.FullBlocking, GCKind.Background])
            {
                var info = GC.GetGCMemoryInfo(kind);
                if (info.Index > 0)
                {
                    pauses[info.Index] = TimeSpan.FromTicks(Math.Max(info.PauseDurations[0].Ticks, info.PauseDurations[1].Ticks)); // a background collection pauses twice
                }
            }

            try
            {
                await Task.Delay(SampleEvery, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

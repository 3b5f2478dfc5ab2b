using System.Collections.Concurrent;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Scheduling;

namespace Loyalty.Grains.Scheduling;

/// <summary>
/// The due-work slice workers this silo has made sure are running. Starting one is idempotent, so this only saves
/// calls. One per silo, not per process: several silos in one process (a test cluster) each start what they need.
/// </summary>
public sealed class DueWorkerStarts(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, Task> started = new(StringComparer.Ordinal);

    public async Task EnsureStarted(string programId, int slice)
    {
        var key = GrainKeys.DueWork(programId, slice);
        var start = started.GetOrAdd(key, k => grains.GetGrain<IDueWorkGrain>(k).Start());
        try
        {
            await start;
        }
        catch
        {
            started.TryRemove(new KeyValuePair<string, Task>(key, start)); // the next member to need it tries again
            throw;
        }
    }
}

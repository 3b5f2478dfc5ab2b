using System.Diagnostics;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Loyalty.Bench.Ingest;

/// <summary>
/// Memory of the embedded process: the managed heap after a full, compacting collection, and the working
/// set, so a difference between two snapshots divided by the members added is what a member costs. The embedded
/// profile keeps every member's state in this process (and, while active, its activation), so both count.
/// </summary>
public static class MemberMemory
{
    public const double TargetBytesPerMember = 4_096;

    public sealed record Snapshot(long ManagedBytes, long WorkingSetBytes, int MemberActivations);

    public static async Task<Snapshot> Take(IServiceProvider silo)
    {
        var activations = await MemberActivations(silo);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new Snapshot(managed, process.WorkingSet64, activations);
    }

    /// <summary>How long an idle activation lives before Orleans collects it, as this silo is configured.</summary>
    public static TimeSpan CollectionAge(IServiceProvider silo) => silo.GetRequiredService<IOptions<GrainCollectionOptions>>().Value.CollectionAge;

    /// <summary>Asks the silo to deactivate every activation idle for a second or more, and waits until member activations are gone.</summary>
    public static async Task CollectIdleActivations(IServiceProvider silo, TimeSpan deadline)
    {
        var management = silo.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await management.ForceActivationCollection(TimeSpan.FromSeconds(1));
        var until = DateTime.UtcNow + deadline;
        while (await MemberActivations(silo) > 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(200);
        }
    }

    public static string Describe(string what, Snapshot before, Snapshot after, int members) =>
        $"{what}: managed heap {PerMember(after.ManagedBytes - before.ManagedBytes, members):N0} B/member, working set "
        + $"{PerMember(after.WorkingSetBytes - before.WorkingSetBytes, members):N0} B/member (target ≤ {TargetBytesPerMember:N0}); "
        + $"{members:N0} members, heap {before.ManagedBytes / 1e6:N1} → {after.ManagedBytes / 1e6:N1} MB, "
        + $"working set {before.WorkingSetBytes / 1e6:N1} → {after.WorkingSetBytes / 1e6:N1} MB, member activations {before.MemberActivations:N0} → {after.MemberActivations:N0}";

    private static double PerMember(long bytes, int members) => members == 0 ? double.NaN : (double)bytes / members;

    private static async Task<int> MemberActivations(IServiceProvider silo)
    {
        var management = silo.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var statistics = await management.GetSimpleGrainStatistics();
        // The type is named with its assembly ("Loyalty.Grains.Members.MemberGrain,Loyalty.Grains"), or by its grain type name.
        return statistics.Where(s => s.GrainType.Contains(".MemberGrain", StringComparison.Ordinal) || s.GrainType == "member").Sum(s => s.ActivationCount);
    }
}

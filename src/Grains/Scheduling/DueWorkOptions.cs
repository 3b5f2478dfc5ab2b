using System.ComponentModel.DataAnnotations;
using Loyalty.Client.Hosting;

namespace Loyalty.Grains.Scheduling;

/// <summary>Waking members when time changes them (section <c>Loyalty:DueWork</c>).</summary>
public sealed class DueWorkOptions : ILoyaltyOptions
{
    public static string Section => "Loyalty:DueWork";

    /// <summary>Slices of each program's members, each with its own worker; fixed for a deployment.</summary>
    [Range(1, 1_024)]
    public int Slices { get; set; } = 8;

    /// <summary>How often each worker looks for due members: the most a due change waits beyond its time.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Members one look takes at most; a worker looks again at once while it finds this many.</summary>
    [Range(1, 10_000)]
    public int Batch { get; set; } = 256;

    /// <summary>Members a worker wakes at once: enough to overlap their calls, few enough not to flood the silo.</summary>
    [Range(1, 1_024)]
    public int WakeUpsInFlight { get; set; } = 32;

    /// <summary>A member taken is due again this much later unless its wake-up sets another time first.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);
}

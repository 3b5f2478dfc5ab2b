namespace Loyalty.Grains.Scheduling;

/// <summary>Waking members when time changes them (configuration section <c>Loyalty:DueWork</c>).</summary>
public sealed class DueWorkOptions
{
    /// <summary>Slices of each program's members, each with its own worker; fixed for a deployment.</summary>
    public int Slices { get; set; } = 8;

    /// <summary>How often each worker looks for due members: the most a due change waits beyond its time.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Members one look takes at most; a worker looks again at once while it finds this many.</summary>
    public int Batch { get; set; } = 256;

    /// <summary>A member taken is due again this much later unless its wake-up sets another time first.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);
}

namespace Loyalty.Grains.Interfaces.Scheduling;

/// <summary>
/// Wakes the members of one slice of a program (key <see cref="GrainKeys.DueWork"/>) when their time-driven work is
/// due; one per slice, kept alive by a reminder, never one per member.
/// </summary>
[Alias("loyalty.IDueWorkGrain")]
public interface IDueWorkGrain : IGrainWithStringKey
{
    /// <summary>Makes sure the worker runs, and keeps running after restarts; cheap to repeat.</summary>
    Task Start();
}

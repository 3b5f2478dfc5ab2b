namespace Loyalty.Grains.Scheduling;

/// <summary>
/// When each member next has time-driven work (maturing, expiry, notices, birthdays), kept per program and slice of
/// members, so the due ones are found in O(due) rather than by watching every member.
/// </summary>
public interface IDueWorkStore
{
    /// <summary>Sets the member's next due time, or forgets it (null).</summary>
    Task Set(string programId, int slice, string memberId, DateTimeOffset? dueAt);

    /// <summary>
    /// Up to <paramref name="max"/> members due by <paramref name="now"/>, each moved on by <paramref name="lease"/> at
    /// once, so a member whose wake-up fails is tried again then rather than lost, and none is taken twice meanwhile.
    /// </summary>
    Task<IReadOnlyList<string>> TakeDue(string programId, int slice, DateTimeOffset now, int max, TimeSpan lease);

    /// <summary>The member's due time as stored, for tests and operators; null when none.</summary>
    Task<DateTimeOffset?> Get(string programId, int slice, string memberId);
}

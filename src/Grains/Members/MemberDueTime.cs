using Loyalty.Domain;
using Loyalty.Grains.Scheduling;

namespace Loyalty.Grains.Members;

/// <summary>
/// A member nobody touches is woken when time-driven work (maturing, expiry, "expiring soon" notices, birthdays) is
/// due: the member keeps its next due time in the due-work store of its slice, whose worker wakes it. No reminder
/// per member. The store is written only when the time differs from what this activation last stored.
/// </summary>
internal sealed class MemberDueTime(IDueWorkStore store, DueWorkerStarts workers, int slices, string programId, string memberId)
{
    private DateTimeOffset? stored;
    private bool known; // unknown after activation, until stored once

    /// <summary>A member never stored has no due time stored either.</summary>
    public void KnownToBeNone() => known = true;

    /// <summary>The worker moved the stored time on by its lease: the next <see cref="Store"/> writes whatever it is.</summary>
    public void MarkUnknown() => known = false;

    /// <summary>Forgets the member's due time (erasure).</summary>
    public async Task Forget()
    {
        await store.Set(programId, StableBucket.Of(memberId, slices), memberId, null);
        (stored, known) = (null, true);
    }

    /// <summary>Stores the member's next due time when it changed, and makes sure its slice's worker runs.</summary>
    public async Task Store(MemberAccount account, ProgramConfig config, DateTimeOffset now)
    {
        var next = account.NextDueAt(config, now);
        if (known && next == stored)
        {
            return;
        }

        var slice = StableBucket.Of(memberId, slices);
        await store.Set(programId, slice, memberId, next);
        if (next is not null)
        {
            await workers.EnsureStarted(programId, slice);
        }

        (stored, known) = (next, true);
    }
}

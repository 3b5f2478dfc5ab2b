using System.Collections.Concurrent;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Scheduling;
using Loyalty.Grains.Programs;
using Loyalty.Client.Programs;

namespace Loyalty.Grains.Members;

/// <summary>
/// Time-driven work (maturing, expiry, "expiring soon" notices, birthdays) is applied whenever the member is touched,
/// and a member nobody touches is woken when it is due: the member keeps its next due time in the due-work store of
/// its slice, whose worker wakes it. No reminder per member.
/// </summary>
public sealed partial class MemberGrain : IRemindable
{
    // Members once kept a reminder of this name; one that still fires is removed and does the wake-up's work.
    private const string FormerExpiryReminder = "points-expiry";

    // Workers already started from this silo: starting one is idempotent, so this only saves calls.
    private static readonly ConcurrentDictionary<string, Task> StartedWorkers = new(StringComparer.Ordinal);

    // The due time stored for this member as far as this activation knows; unknown after activation.
    private DateTimeOffset? dueSetFor;
    private bool dueKnown;

    public async Task Wake()
    {
        if (!state.RecordExists)
        {
            return;
        }

        dueKnown = false; // the worker moved the stored time on by its lease: set it again whatever happens
        if (!await ApplyDueWorkAndCommit(await RequireRules()))
        {
            await KeepDueTime();
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == FormerExpiryReminder && await this.GetReminder(reminderName) is { } former)
        {
            await this.UnregisterReminder(former);
        }

        await Wake();
    }

    /// <summary>
    /// Time-driven work due now, stored in one write with what it owes other grains; bonuses credited now reach the
    /// boards of the current periods. True when it wrote.
    /// </summary>
    /// <param name="changed">The turn changed the state already, so it writes whatever time brings.</param>
    private async Task<bool> ApplyDueWorkAndCommit(ProgramRules rules, bool changed = false)
    {
        var now = clock.GetUtcNow();
        var periods = new HashSet<string>(PeriodKeys.For(now, rules.Zone), StringComparer.Ordinal);
        if (!await Commit(rules, state.State.ApplyDueWork(rules.Config, now) | changed, periods))
        {
            return false;
        }

        await PublishScores(periods, [.. state.State.Challenges.TakeChanged().Select(rules.Challenge).OfType<Challenge>()]);
        return true;
    }

    /// <summary>Stores the member's next due time when it changed, and makes sure its slice's worker runs.</summary>
    private async Task KeepDueTime()
    {
        var next = state.State.NextDueAt((await RequireRules()).Config, clock.GetUtcNow());
        if (dueKnown && next == dueSetFor)
        {
            return;
        }

        var slice = StableBucket.Of(memberId, dueWorkOptions.Value.Slices);
        await dueWork.Set(programId, slice, memberId, next);
        if (next is not null)
        {
            var key = GrainKeys.DueWork(programId, slice);
            var start = StartedWorkers.GetOrAdd(key, k => GrainFactory.GetGrain<IDueWorkGrain>(k).Start());
            try
            {
                await start;
            }
            catch
            {
                StartedWorkers.TryRemove(new KeyValuePair<string, Task>(key, start));
                throw;
            }
        }

        (dueSetFor, dueKnown) = (next, true);
    }
}

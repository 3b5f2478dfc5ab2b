using Loyalty.Domain;
using Loyalty.Grains.Programs;
using Orleans.Runtime;

namespace Loyalty.Grains.Members;

/// <summary>
/// Expiry is applied whenever the member is touched; this reminder also wakes a member nobody touches when its
/// oldest points are due, their "expiring soon" notice, or a birthday bonus, so balances, ledgers and notices are
/// right without a read. One reminder per member with something due, moved only when the next due time changes.
/// </summary>
public sealed partial class MemberGrain : IRemindable
{
    private const string ExpiryReminder = "points-expiry";

    // The expiry the reminder is set for as far as this activation knows; unknown (null) after activation.
    private DateTimeOffset? reminderSetFor;
    private bool reminderKnown;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ExpiryReminder || !state.RecordExists)
        {
            return;
        }

        if (!await AdvanceAndCommit(await RequireRules()))
        {
            await KeepExpiryReminder();
        }
    }

    /// <summary>
    /// Time-driven work (maturing, expiry, notices, the birthday bonus) due now, stored in one write with what it owes
    /// other grains; bonuses credited now reach the boards of the current periods. True when it wrote.
    /// </summary>
    /// <param name="changed">The turn changed the state already, so it writes whatever time brings.</param>
    private async Task<bool> AdvanceAndCommit(ProgramRules rules, bool changed = false)
    {
        var now = clock.GetUtcNow();
        var periods = new HashSet<string>(PeriodKeys.For(now, rules.Zone), StringComparer.Ordinal);
        if (!await Commit(rules, state.State.Advance(rules.Config, now) | changed, periods))
        {
            return false;
        }

        await PublishScores(periods, [.. state.State.TakeChangedChallenges().Select(rules.Challenge).OfType<Challenge>()]);
        return true;
    }

    /// <summary>Sets, moves or removes the reminder so that it fires at the next expiry or "expiring soon" notice.</summary>
    private async Task KeepExpiryReminder()
    {
        var config = (await RequireRules()).Config;
        var next = Earliest(
            Earliest(state.State.AvailableLots.NextExpiry, state.State.NextExpiryNoticeAt(config)),
            state.State.NextBirthdayBonusAt(config, clock.GetUtcNow()));
        if (reminderKnown && next == reminderSetFor)
        {
            return;
        }

        if (next is { } due)
        {
            // Reminders fire at least a minute apart; a daily period retries a tick that found the silo busy.
            var dueIn = due - clock.GetUtcNow();
            await this.RegisterOrUpdateReminder(ExpiryReminder, dueIn < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : dueIn, TimeSpan.FromDays(1));
        }
        else if (await this.GetReminder(ExpiryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        (reminderSetFor, reminderKnown) = (next, true);
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;
}

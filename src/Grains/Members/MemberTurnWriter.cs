using Loyalty.Domain;

namespace Loyalty.Grains.Members;

/// <summary>
/// Ends a member's turn with one write. First the work other grains own a part of: placing completed challenges,
/// handing notifications to the webhook outbox, crediting a referrer; each is idempotent there and remembered in the
/// state until done, so a turn that fails before its write is simply done again from the stored state. Then the
/// turn's KPI change is closed, the ledger entries go to the ledger store, the state is written, the KPI changes are
/// handed to the program's totals, and the next due time is stored if it moved. Last, the member is listed in the
/// member directory if what the listing shows changed.
/// </summary>
/// <param name="requireRules">The program's rules; fails when the program is not configured.</param>
/// <param name="writeFailed">Called before a failed turn rethrows: the activation holds more than is stored.</param>
internal sealed class MemberTurnWriter(
    IPersistentState<MemberAccount> state,
    MemberLedger ledger,
    MemberDueTime dueTime,
    ChallengePlacements placements,
    NotificationHandOff notifications,
    KpiHandOff kpis,
    MemberReferrals referrals,
    MemberListing listing,
    TimeProvider clock,
    Func<Task<ProgramRules>> requireRules,
    Action<Exception> writeFailed)
{
    /// <summary>
    /// Does what the turn owes other grains, then writes if anything changed; completion periods placed now are added
    /// to <paramref name="periods"/>. True when it wrote.
    /// </summary>
    /// <param name="changed">The turn changed the state already, so it writes whatever else happens.</param>
    public async Task<bool> Commit(ProgramRules rules, bool changed, HashSet<string> periods)
    {
        var account = state.State;
        try
        {
            changed |= await placements.PlaceAwaiting(account, rules, periods);
            changed |= await notifications.HandOff(account, rules);
            changed |= await referrals.CreditReferrer(account);
            changed |= KpiHandOff.Close(account, rules, clock.GetUtcNow());
            if (changed)
            {
                await ledger.AppendPending(account);
                await state.WriteStateAsync();
            }
        }
        catch (Exception e)
        {
            writeFailed(e);
            throw;
        }

        // Also when nothing changed: a retried turn hands what its first attempt stored.
        await kpis.HandOff(account);
        if (changed)
        {
            await dueTime.Store(account, rules.Config, clock.GetUtcNow());
        }

        if (state.RecordExists)
        {
            await listing.Publish(account, rules.Config);
        }

        return changed;
    }

    /// <summary>Writes the state, for turns with nothing owed elsewhere (redemptions, referral codes).</summary>
    public async Task Persist()
    {
        var rules = await requireRules();
        try
        {
            KpiHandOff.Close(state.State, rules, clock.GetUtcNow());
            await ledger.AppendPending(state.State);
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            writeFailed(e);
            throw;
        }

        await kpis.HandOff(state.State);
        await dueTime.Store(state.State, rules.Config, clock.GetUtcNow());
        await listing.Publish(state.State, rules.Config);
    }
}

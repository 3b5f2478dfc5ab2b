using Loyalty.Domain;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Kpis;
using Loyalty.Grains.Kpis;

namespace Loyalty.Grains.Members;

/// <summary>
/// A member's KPI changes reach the program's totals through its slice: each turn's change is closed into the
/// member's outbox before the turn's write, so it is stored with what it counts, and handed over after the write.
/// It leaves the outbox once the slice has it; the slice drops a repeat by id, so a hand-off retried after a failure
/// or a restart counts once.
/// </summary>
internal sealed class KpiHandOff(IGrainFactory grains, int slices, string programId, string memberId)
{
    /// <summary>Closes the turn's change, before the ledger entries leave the member; true when there is one to store.</summary>
    public static bool Close(MemberAccount account, ProgramRules rules, DateTimeOffset now) => account.Kpis.Close(account, rules.Config, now) is not null;

    /// <summary>Hands every change of the outbox to the member's slice; a failure leaves them for the next turn.</summary>
    public async Task HandOff(MemberAccount account)
    {
        if (account.Kpis.Outbox.Count == 0)
        {
            return;
        }

        List<KpiChange> changes = [.. account.Kpis.Outbox];
        var slice = grains.GetGrain<IKpiSliceGrain>(GrainKeys.KpiSlice(programId, StableBucket.Of(memberId, slices)));
        await slice.Apply([.. changes.Select(change => change.ToData())]);
        account.Kpis.Delivered([.. changes.Select(change => change.Id)]);
    }
}

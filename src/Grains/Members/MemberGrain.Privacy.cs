using Loyalty.Domain;
using Loyalty.Grains.Interfaces.Members;

namespace Loyalty.Grains.Members;

/// <summary>A member's rights over their data: their copy of everything held on them, and erasure.</summary>
public sealed partial class MemberGrain
{
    public async Task<MemberRecord?> Export()
    {
        if (!state.RecordExists)
        {
            return null;
        }

        var rules = await RequireRules();
        var now = clock.GetUtcNow();
        state.State.ApplyDueWork(rules.Config, now); // as a read shows it; stored with the next change
        var view = state.State.View(rules.Config, now, rules.Challenges).ToSnapshot(programId);
        return await new MemberExporter(GrainFactory, ledger, notificationSlices, programId, memberId).Export(state.State, view, rules);
    }

    public async Task Erase()
    {
        var rules = await RequireRules();
        await new MemberErasure(GrainFactory, ledgerStore, notificationSlices, programId, memberId).ForgetElsewhere(state.State, rules);
        await listing.Forget();
        await dueTime.Forget();
        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        // Nothing of the member stays in memory either: a later event starts a new member in a new activation.
        state.State = NewAccount();
        this.DeactivateOnIdle();
    }

    public async Task ForgetReferralWith(string erasedMemberId)
    {
        if (state.RecordExists && state.State.Referral.Forget(erasedMemberId))
        {
            await turns.Persist();
        }
    }
}

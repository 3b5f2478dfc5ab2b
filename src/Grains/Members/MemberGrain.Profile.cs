using Loyalty.Grains.Interfaces.Members;

namespace Loyalty.Grains.Members;

/// <summary>What the member tells about themselves: the birth date, for the birthday bonus.</summary>
public sealed partial class MemberGrain
{
    public async Task<MemberSnapshot> SetBirthDate(DateOnly? birthDate)
    {
        var rules = await RequireRules();
        state.State.SetBirthDate(birthDate, rules.Config, clock.GetUtcNow());
        await ApplyDueWorkAndCommit(rules, changed: true);

        return state.State.View(rules.Config, clock.GetUtcNow(), rules.Challenges).ToSnapshot(programId);
    }
}

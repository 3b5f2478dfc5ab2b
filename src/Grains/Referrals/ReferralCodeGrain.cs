using Loyalty.Grains.Interfaces.Referrals;

namespace Loyalty.Grains.Referrals;

public sealed class ReferralCodeGrain([PersistentState("referral-code", StorageNames.Loyalty)] IPersistentState<ReferralCodeGrain.Ownership> state)
    : Grain, IReferralCodeGrain
{
    public async Task<bool> Claim(string memberId)
    {
        if (state.State.MemberId is { } owner)
        {
            return owner == memberId;
        }

        state.State.MemberId = memberId;
        await state.WriteStateAsync();
        return true;
    }

    public Task<string?> Owner() => Task.FromResult(state.State.MemberId);

    public async Task Release(string memberId)
    {
        if (state.State.MemberId == memberId)
        {
            await state.ClearStateAsync();
            state.State = new Ownership();
        }
    }

    public sealed class Ownership
    {
        public string? MemberId { get; set; }
    }
}

using System.Collections.Immutable;
using Loyalty.Grains.Interfaces.Security;

namespace Loyalty.Grains.Security;

/// <summary>One scope's browser sign-ins; expired sessions are dropped at every change, the oldest past the bound.</summary>
public sealed class SignInSessionsGrain(
    [PersistentState("sign-in-sessions", StorageNames.Loyalty)] IPersistentState<SignInSessionsGrain.Sessions> state,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock)
    : Grain, ISignInSessionsGrain
{
    public async Task Open(SignInSession session)
    {
        var held = state.State.Held;
        held.RemoveAll(s => s.ExpiresAt <= clock.GetUtcNow() || s.TokenHash == session.TokenHash);
        held.Add(session);
        if (held.Count > ISignInSessionsGrain.MaxSessions)
        {
            held.RemoveRange(0, held.Count - ISignInSessionsGrain.MaxSessions); // oldest first
        }

        await state.WriteStateAsync();
    }

    public Task<ImmutableArray<SignInSession>> Active()
    {
        var now = clock.GetUtcNow();
        return Task.FromResult<ImmutableArray<SignInSession>>([.. state.State.Held.Where(s => s.ExpiresAt > now)]);
    }

    public async Task Close(string tokenHash)
    {
        if (state.State.Held.RemoveAll(s => s.TokenHash == tokenHash) > 0)
        {
            await state.WriteStateAsync();
        }
    }

    public sealed class Sessions
    {
        public List<SignInSession> Held { get; set; } = [];
    }
}

using Loyalty.Client;
using Loyalty.Client.Caching;
using Loyalty.Grains.Interfaces.Security;
using Microsoft.Extensions.Options;

namespace Loyalty.Gateway.Security;

/// <summary>
/// Each scope's sign-in sessions as this gateway last read them, read again once older than
/// <see cref="SecurityOptions.KeyCacheAge"/>: a sign-out on any gateway holds on every gateway within it, and a
/// browser's page of many requests costs one cluster call per interval. A scope without sessions is not kept, so
/// cookies naming made-up scopes never grow the cache.
/// </summary>
public sealed class SessionCache(IGrainFactory grains, IOptions<SecurityOptions> options, [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock)
{
    private readonly AgedCache<IReadOnlyList<SignInSession>> sessions = new(clock, options.Value.KeyCacheAge);

    /// <summary>The scope's session whose secret has this hash, if it is open.</summary>
    public async ValueTask<SignInSession?> Find(string scope, string secretHash)
    {
        var open = await sessions.Get(scope, async (key, _) =>
            await grains.GetGrain<ISignInSessionsGrain>(key).Active() is { Length: > 0 } active ? active : null);
        var now = clock.GetUtcNow();
        return open?.FirstOrDefault(s => ApiKeyText.SameSecret(s.TokenHash, secretHash) && s.ExpiresAt > now);
    }

    /// <summary>Forgets a scope's sessions so this gateway sees its own sign-in or sign-out at once.</summary>
    public void Invalidate(string scope) => sessions.Invalidate(scope);
}

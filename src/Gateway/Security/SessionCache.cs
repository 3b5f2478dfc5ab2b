using System.Collections.Concurrent;
using System.Collections.Immutable;
using Loyalty.Client;
using Loyalty.Grains.Interfaces.Security;
using Microsoft.Extensions.Options;

namespace Loyalty.Gateway.Security;

/// <summary>
/// Each scope's sign-in sessions as this gateway last read them, read again once older than
/// <see cref="SecurityOptions.KeyCacheAge"/>: a sign-out on any gateway holds on every gateway within it, and a
/// browser's page of many requests costs one cluster call per interval.
/// </summary>
public sealed class SessionCache(IGrainFactory grains, IOptions<SecurityOptions> options, [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock)
{
    // Scopes come from cookies anyone may send: the cache is emptied rather than let grow past this.
    private const int MaxScopes = 10_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>The scope's session whose secret has this hash, if it is open.</summary>
    public async ValueTask<SignInSession?> Find(string scope, string secretHash)
    {
        var now = clock.GetUtcNow();
        if (!entries.TryGetValue(scope, out var cached) || now - cached.ReadAt >= options.Value.KeyCacheAge)
        {
            if (entries.Count >= MaxScopes)
            {
                entries.Clear();
            }

            cached = new Entry(await grains.GetGrain<ISignInSessionsGrain>(scope).Active(), now);
            entries[scope] = cached;
        }

        return cached.Sessions.FirstOrDefault(s => ApiKeyText.SameSecret(s.TokenHash, secretHash) && s.ExpiresAt > now);
    }

    /// <summary>Forgets a scope's sessions so this gateway sees its own sign-in or sign-out at once.</summary>
    public void Invalidate(string scope) => entries.TryRemove(scope, out _);

    private sealed record Entry(ImmutableArray<SignInSession> Sessions, DateTimeOffset ReadAt);
}

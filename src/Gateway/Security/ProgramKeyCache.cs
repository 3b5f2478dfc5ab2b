using System.Collections.Concurrent;
using Loyalty.Client;
using Loyalty.Grains.Interfaces.Security;
using Microsoft.Extensions.Options;

namespace Loyalty.Gateway.Security;

/// <summary>
/// Each program's keys and token-signing secret as this gateway last read them, read again once older than
/// <see cref="SecurityOptions.KeyCacheAge"/>: a key revoked on any gateway stops working on every gateway within it.
/// </summary>
public sealed class ProgramKeyCache(
    IGrainFactory grains, IOptions<SecurityOptions> options, [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public async ValueTask<ProgramCredentials> Credentials(string programId)
    {
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(programId, out var cached) && now - cached.ReadAt < options.Value.KeyCacheAge)
        {
            return cached.Credentials;
        }

        var credentials = await grains.GetGrain<IProgramKeysGrain>(programId).Active();
        entries[programId] = new Entry(credentials, now);
        return credentials;
    }

    /// <summary>The credentials held for the program, if read lately; never calls the cluster (for synchronous token checks).</summary>
    public ProgramCredentials? Cached(string programId) => entries.TryGetValue(programId, out var cached) ? cached.Credentials : null;

    /// <summary>Forgets a program's keys so this gateway sees a change it made at once.</summary>
    public void Invalidate(string programId) => entries.TryRemove(programId, out _);

    private sealed record Entry(ProgramCredentials Credentials, DateTimeOffset ReadAt);
}

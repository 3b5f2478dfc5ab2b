using Loyalty.Client;
using Loyalty.Client.Caching;
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
    private readonly AgedCache<ProgramCredentials> credentials = new(clock, options.Value.KeyCacheAge);

    public async ValueTask<ProgramCredentials> Credentials(string programId) =>
        (await credentials.Get(programId, async (id, _) => await grains.GetGrain<IProgramKeysGrain>(id).Active()))!;

    /// <summary>The credentials held for the program, if read lately; never calls the cluster (for synchronous token checks).</summary>
    public ProgramCredentials? Cached(string programId) => credentials.Cached(programId);

    /// <summary>Forgets a program's keys so this gateway sees a change it made at once.</summary>
    public void Invalidate(string programId) => credentials.Invalidate(programId);
}

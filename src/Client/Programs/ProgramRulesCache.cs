using Loyalty.Client.Caching;
using Loyalty.Grains.Interfaces.Programs;
using Microsoft.Extensions.Options;

namespace Loyalty.Client.Programs;

/// <summary>
/// Per-process cache of parsed program configurations, read again once older than
/// <see cref="ProgramRulesOptions.RulesCacheMaxAge"/>, so a new version reaches every member within that time without a
/// restart. Absent programs are not cached: a program configured a moment ago is seen at once.
/// </summary>
public sealed class ProgramRulesCache(
    IGrainFactory grains, [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock, IOptions<ProgramRulesOptions> options)
{
    private readonly AgedCache<ProgramRules> rules = new(clock, options.Value.RulesCacheMaxAge);

    public ValueTask<ProgramRules?> Get(string programId) => rules.Get(programId, async (id, held) =>
        await grains.GetGrain<IProgramGrain>(id).GetConfiguration() is { } snapshot
            ? held?.Version == snapshot.Version ? held : ProgramRules.From(snapshot)
            : null);

    /// <summary>Forgets a program so the next read sees its newest version.</summary>
    public void Invalidate(string programId) => rules.Invalidate(programId);
}

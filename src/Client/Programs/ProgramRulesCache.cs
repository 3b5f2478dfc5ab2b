using System.Collections.Concurrent;
using Loyalty.Grains.Interfaces.Programs;
using Microsoft.Extensions.Options;

namespace Loyalty.Client.Programs;

/// <summary>
/// Per-process cache of parsed program configurations. Entries are re-read from the program grain once they are
/// older than <see cref="ProgramRulesOptions.RulesCacheMaxAge"/>, so a new version reaches every member within that time without a restart.
/// Absent programs are not cached: a program configured a moment ago is seen at once.
/// </summary>
public sealed class ProgramRulesCache(
    IGrainFactory grains, [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock, IOptions<ProgramRulesOptions> options)
{
    private readonly TimeSpan maxAge = options.Value.RulesCacheMaxAge;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public async ValueTask<ProgramRules?> Get(string programId)
    {
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(programId, out var cached) && now - cached.ReadAt < maxAge)
        {
            return cached.Rules;
        }

        var snapshot = await grains.GetGrain<IProgramGrain>(programId).GetConfiguration();
        if (snapshot is null)
        {
            entries.TryRemove(programId, out _);
            return null;
        }

        var rules = cached?.Rules.Version == snapshot.Version ? cached.Rules : ProgramRules.From(snapshot);
        entries[programId] = new Entry(rules, now);
        return rules;
    }

    /// <summary>Forgets a program so the next read sees its newest version.</summary>
    public void Invalidate(string programId) => entries.TryRemove(programId, out _);

    private sealed record Entry(ProgramRules Rules, DateTimeOffset ReadAt);
}

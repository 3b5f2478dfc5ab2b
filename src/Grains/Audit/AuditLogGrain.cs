using System.Collections.Immutable;
using Loyalty.Grains.Interfaces.Audit;

namespace Loyalty.Grains.Audit;

/// <summary>A program's audit log: one write per action; the oldest entries beyond <see cref="IAuditLogGrain.MaxEntries"/> go.</summary>
public sealed class AuditLogGrain([PersistentState("audit", StorageNames.Loyalty)] IPersistentState<AuditLogGrain.Log> state)
    : Grain, IAuditLogGrain
{
    public async Task<long> Record(AuditAction action)
    {
        var entry = new AuditEntry(++state.State.LastSequence, action);
        state.State.Entries.Add(entry);
        if (state.State.Entries.Count > IAuditLogGrain.MaxEntries)
        {
            state.State.Entries.RemoveRange(0, state.State.Entries.Count - IAuditLogGrain.MaxEntries);
        }

        await state.WriteStateAsync();
        return entry.Sequence;
    }

    public Task<ImmutableArray<AuditEntry>> Page(int limit, long? before)
    {
        var entries = state.State.Entries;
        var end = before is { } sequence ? entries.FindLastIndex(e => e.Sequence < sequence) : entries.Count - 1;
        var page = ImmutableArray.CreateBuilder<AuditEntry>(Math.Max(0, Math.Min(limit, end + 1)));
        for (var i = end; i >= 0 && page.Count < limit; i--)
        {
            page.Add(entries[i]);
        }

        return Task.FromResult(page.ToImmutable());
    }

    public sealed class Log
    {
        public long LastSequence { get; set; }

        public List<AuditEntry> Entries { get; set; } = [];
    }
}

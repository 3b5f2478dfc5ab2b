using System.Collections.Concurrent;
using Loyalty.Domain;

namespace Loyalty.Grains.Members;

/// <summary>
/// The embedded profile's ledger store: each member's entries in a list in this process. Silos that share one
/// instance share their ledgers, as silos share a database.
/// </summary>
public sealed class InProcessLedgerStore : ILedgerStore
{
    private readonly ConcurrentDictionary<string, MemberLedger> ledgers = new(StringComparer.Ordinal);

    public Task Append(string programId, string memberId, IReadOnlyList<LedgerEntry> entries, int? keepNewest)
    {
        var ledger = ledgers.GetOrAdd(Key(programId, memberId), _ => new MemberLedger());
        lock (ledger)
        {
            ledger.Append(entries, keepNewest);
        }

        return Task.CompletedTask;
    }

    public Task<StoredLedger> Read(string programId, string memberId, long throughSequence, int limit)
    {
        if (!ledgers.TryGetValue(Key(programId, memberId), out var ledger))
        {
            return Task.FromResult(new StoredLedger(0, []));
        }

        lock (ledger)
        {
            return Task.FromResult(ledger.Read(throughSequence, limit));
        }
    }

    public Task Erase(string programId, string memberId)
    {
        ledgers.TryRemove(Key(programId, memberId), out _);
        return Task.CompletedTask;
    }

    private static string Key(string programId, string memberId) => $"{programId}/{memberId}";

    private sealed class MemberLedger
    {
        private readonly List<LedgerEntry> kept = []; // oldest first; the oldest are dropped first
        private long stored;

        public void Append(IReadOnlyList<LedgerEntry> entries, int? keepNewest)
        {
            if (entries.Count == 0)
            {
                return;
            }

            var replaced = Math.Clamp(stored - entries[0].Sequence + 1, 0, kept.Count);
            kept.RemoveRange(kept.Count - (int)replaced, (int)replaced);
            kept.AddRange(entries);
            stored = entries[^1].Sequence;

            // Dropped in steps of an eighth, so a full ledger does not shift its whole list on every append.
            if (keepNewest is { } keep && kept.Count > keep + keep / 8)
            {
                kept.RemoveRange(0, kept.Count - keep);
            }
        }

        public StoredLedger Read(long throughSequence, int limit)
        {
            var oldest = stored - kept.Count + 1;
            var entries = new List<LedgerEntry>(Math.Clamp(limit, 0, kept.Count));
            for (var sequence = Math.Min(throughSequence, stored); sequence >= oldest && entries.Count < limit; sequence--)
            {
                entries.Add(kept[(int)(sequence - oldest)]);
            }

            return new StoredLedger(stored, entries);
        }
    }
}

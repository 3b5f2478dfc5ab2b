using System.Collections.Concurrent;
using Loyalty.Domain;
using Loyalty.Grains.Members;

namespace Loyalty.Grains.Tests;

/// <summary>The shared ledger store, except that appends for chosen programs fail, as when the store is away.</summary>
public sealed class RefusingLedgerStore(ILedgerStore inner) : ILedgerStore
{
    private readonly ConcurrentDictionary<string, bool> refused = new(StringComparer.Ordinal);

    public void Refuse(string programId) => refused[programId] = true;

    public void Accept(string programId) => refused.TryRemove(programId, out _);

    public Task Append(string programId, string memberId, IReadOnlyList<LedgerEntry> entries, int? keepNewest) =>
        refused.ContainsKey(programId)
            ? throw new InvalidOperationException($"The ledger store refuses program {programId}.")
            : inner.Append(programId, memberId, entries, keepNewest);

    public Task<StoredLedger> Read(string programId, string memberId, long throughSequence, int limit) =>
        inner.Read(programId, memberId, throughSequence, limit);

    public Task Erase(string programId, string memberId) => inner.Erase(programId, memberId);
}

using Loyalty.Domain;

namespace Loyalty.Grains.Members;

/// <summary>
/// Where members' ledgers live: append-only, one ledger per member, read in pages. A member appends a turn's entries
/// just before storing the turn. When that write fails, the retry starts from the stored state and appends its own
/// entries for the same sequences, so an append replaces what the store holds from its first sequence on; readers
/// never look past the member's stored count.
/// </summary>
public interface ILedgerStore
{
    /// <summary>
    /// Appends <paramref name="entries"/> (oldest first, sequences without gaps), first dropping stored entries from
    /// the first one's sequence on. With <paramref name="keepNewest"/> the store may then drop all but that many newest.
    /// </summary>
    Task Append(string programId, string memberId, IReadOnlyList<LedgerEntry> entries, int? keepNewest);

    /// <summary>
    /// Up to <paramref name="limit"/> entries with sequence at most <paramref name="throughSequence"/>, newest first;
    /// fewer where older entries were dropped. <see cref="StoredLedger.Stored"/> is the newest stored sequence.
    /// </summary>
    Task<StoredLedger> Read(string programId, string memberId, long throughSequence, int limit);

    /// <summary>Forgets the member's whole ledger (erasure); a member with none is no error.</summary>
    Task Erase(string programId, string memberId);
}

/// <summary>A slice of one member's stored ledger, newest first.</summary>
public sealed record StoredLedger(long Stored, IReadOnlyList<LedgerEntry> Entries);

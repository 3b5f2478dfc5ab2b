using Loyalty.Domain;

namespace Loyalty.Grains.Members;

/// <summary>
/// Where members' ledgers live: append-only, one ledger per member, read in pages. A member appends the entries of a
/// turn after storing that turn, and may append them again after a crash, so appending is idempotent by sequence.
/// </summary>
public interface ILedgerStore
{
    /// <summary>
    /// Appends <paramref name="entries"/> (oldest first, sequences without gaps), skipping those whose sequence is
    /// already stored. With <paramref name="keepNewest"/> the store may then drop all but that many newest entries.
    /// </summary>
    Task Append(string programId, string memberId, IReadOnlyList<LedgerEntry> entries, int? keepNewest);

    /// <summary>
    /// Up to <paramref name="limit"/> entries with sequence at most <paramref name="throughSequence"/>, newest first;
    /// fewer where older entries were dropped. <see cref="StoredLedger.Stored"/> is the newest stored sequence.
    /// </summary>
    Task<StoredLedger> Read(string programId, string memberId, long throughSequence, int limit);
}

/// <summary>A slice of one member's stored ledger, newest first.</summary>
public sealed record StoredLedger(long Stored, IReadOnlyList<LedgerEntry> Entries);

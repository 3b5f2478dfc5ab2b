namespace Loyalty.Domain;

/// <summary>
/// Numbers a member's ledger entries and keeps only those not yet in the ledger store: they are stored with the
/// state, so a crash between the state write and the append loses none, and dropped once the store has them.
/// </summary>
public sealed class MemberLedgerWriter
{
    private readonly List<LedgerEntry> pending;

    public MemberLedgerWriter()
        : this(0, [])
    {
    }

    private MemberLedgerWriter(long count, List<LedgerEntry> pending) => (Count, this.pending) = (count, pending);

    /// <summary>Entries ever recorded: the newest entry's sequence (entries are numbered 1, 2, ...).</summary>
    public long Count { get; private set; }

    /// <summary>Recorded entries the ledger store may not have yet, oldest first; always the newest entries, without gaps.</summary>
    public IReadOnlyList<LedgerEntry> Pending => pending;

    /// <summary>A ledger as stored; <paramref name="count"/> is raised to the newest pending sequence if it lags.</summary>
    public static MemberLedgerWriter Restore(long count, IEnumerable<LedgerEntry> pending)
    {
        List<LedgerEntry> entries = [.. pending];
        return new(entries.Count > 0 ? Math.Max(count, entries[^1].Sequence) : count, entries);
    }

    /// <summary>The ledger store holds every entry up to <paramref name="throughSequence"/>: they leave the member.</summary>
    public void ClearPendingThrough(long throughSequence) => pending.RemoveAll(e => e.Sequence <= throughSequence);

    /// <summary>Numbers an entry and keeps it pending for the ledger store; a zero movement is no entry.</summary>
    public void AddEntry(LedgerKind kind, PointsBalance balance, long points, string reason, string? eventId, DateTimeOffset at)
    {
        if (points != 0)
        {
            Count++;
            pending.Add(new LedgerEntry(Count, kind, balance, points, reason, eventId, at));
        }
    }
}

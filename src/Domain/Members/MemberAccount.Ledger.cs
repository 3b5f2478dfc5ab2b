using System.Text.Json.Serialization;

namespace Loyalty.Domain;

/// <summary>
/// The account numbers its ledger entries and keeps only those not yet in the ledger store: they are stored with the
/// state, so a crash between the state write and the append loses none, and dropped once the store has them.
/// </summary>
public sealed partial class MemberAccount
{
    /// <summary>Entries ever recorded: the newest entry's sequence (entries are numbered 1, 2, ...).</summary>
    public long LedgerCount { get; set; }

    /// <summary>Recorded entries the ledger store may not have yet, oldest first; always the newest entries, without gaps.</summary>
    public List<LedgerEntry> PendingLedger { get; set; } = [];

    /// <summary>
    /// States stored before the ledger had its own store carry the whole ledger here. Loading one makes it pending,
    /// so it is appended to the store like any turn's entries; it is never written again.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<LedgerEntry>? Entries
    {
        get => null;
        set => AdoptStoredLedger(value);
    }

    /// <summary>The ledger store holds every entry up to <paramref name="throughSequence"/>: they leave the account.</summary>
    public void LedgerAppended(long throughSequence) => PendingLedger.RemoveAll(e => e.Sequence <= throughSequence);

    private void AdoptStoredLedger(List<LedgerEntry>? entries)
    {
        if (entries is null || entries.Count == 0)
        {
            return;
        }

        var newer = PendingLedger.Where(e => e.Sequence > entries[^1].Sequence);
        PendingLedger = [.. entries, .. newer];
        LedgerCount = Math.Max(LedgerCount, PendingLedger[^1].Sequence);
    }

    private void Record(LedgerKind kind, PointsBalance balance, long points, string reason, string? eventId, DateTimeOffset at)
    {
        if (points != 0)
        {
            LedgerCount++;
            PendingLedger.Add(new LedgerEntry(LedgerCount, kind, balance, points, reason, eventId, at));
        }
    }
}

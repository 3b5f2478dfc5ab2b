using System.Collections.Immutable;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Members;

namespace Loyalty.Grains.Members;

/// <summary>
/// The member's ledger lives in the ledger store: a turn's entries are appended just before the turn's one write, so
/// the stored state does not carry them. If that write fails, the retry's entries replace them in the store. If the
/// append fails, the entries stay in the state like an outbox, readable, and are appended by a later turn.
/// </summary>
internal sealed class MemberLedger(ILedgerStore store, ProgramRulesCache programs, ILogger logger, string programId, string memberId)
{
    /// <summary>A page, newest first, of the store's entries and those not yet appended; reading never writes.</summary>
    public async Task<LedgerPage> Page(MemberAccount account, int offset, int limit)
    {
        var pending = account.Ledger.Pending;
        var newest = account.Ledger.Count - offset; // the sequence that opens this page
        var lines = ImmutableArray.CreateBuilder<LedgerLine>();
        for (var i = pending.Count - 1; i >= 0 && lines.Count < limit; i--)
        {
            if (pending[i].Sequence <= newest)
            {
                lines.Add(pending[i].ToLine());
            }
        }

        var storedThrough = Math.Min(newest, pending.Count > 0 ? pending[0].Sequence - 1 : newest);
        if (lines.Count < limit && storedThrough >= 1)
        {
            var stored = await store.Read(programId, memberId, storedThrough, limit - lines.Count);
            lines.AddRange(stored.Entries.Select(entry => entry.ToLine()));
        }

        return new LedgerPage(checked((int)account.Ledger.Count), offset, lines.ToImmutable());
    }

    /// <summary>
    /// Appends the entries not yet in the store, then drops them from the state; the coming write stores their removal.
    /// On failure the entries stay pending (and readable): the next turn or activation appends them.
    /// </summary>
    public async Task AppendPending(MemberAccount account)
    {
        var pending = account.Ledger.Pending;
        if (pending.Count == 0)
        {
            return;
        }

        try
        {
            var keep = (await programs.Get(programId))?.Config.LedgerMaxEntries;
            var entries = pending.ToList(); // a copy: the store may keep it by reference
            await store.Append(programId, memberId, entries, keep);
            account.Ledger.ClearPendingThrough(entries[^1].Sequence);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Member {GrainKey} could not append {Count} ledger entries; they stay pending",
                GrainKeys.Member(programId, memberId), pending.Count);
        }
    }
}

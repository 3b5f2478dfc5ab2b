using System.Runtime.CompilerServices;

namespace Loyalty.Domain.Tests;

/// <summary>
/// Plays the ledger store for rule-book tests: entries handed over with <c>TakeLedger</c> are kept here, as the grain
/// appends them after its write, so a test's ledger is every entry ever recorded and balances are checked against it.
/// </summary>
public static class TestLedger
{
    private static readonly ConditionalWeakTable<MemberAccount, List<LedgerEntry>> Stores = new();

    extension(MemberAccount account)
    {
        /// <summary>Every entry ever recorded, oldest first: those taken into the test store, then those still pending.</summary>
        public IReadOnlyList<LedgerEntry> WholeLedger
        {
            get
            {
                var stored = Stores.GetOrCreateValue(account);
                var last = stored.Count == 0 ? 0 : stored[^1].Sequence;
                return [.. stored, .. account.Ledger.Pending.Where(e => e.Sequence > last)];
            }
        }

        /// <summary>What the grain does after its write: the pending entries go to the store and leave the account.</summary>
        public void TakeLedger()
        {
            var stored = Stores.GetOrCreateValue(account);
            var last = stored.Count == 0 ? 0 : stored[^1].Sequence;
            stored.AddRange(account.Ledger.Pending.Where(e => e.Sequence > last));
            account.Ledger.ClearPendingThrough(account.Ledger.Count);
        }
    }
}

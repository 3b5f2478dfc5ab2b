using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

/// <summary>The account keeps only the ledger entries the store may not have yet, and numbers them without gaps.</summary>
public sealed class LedgerPendingTests
{
    private static readonly DateTimeOffset Now = At("2026-06-01T12:00Z");

    [Fact]
    public void Entries_are_pending_until_appended_and_numbering_goes_on_after_they_leave()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 10_000, "2026-04-01T10:00Z"), Basic, Now); // earned, then matured: three entries

        Assert.Equal([1L, 2L, 3L], account.Ledger.Pending.Select(e => e.Sequence));
        account.Ledger.ClearPendingThrough(2);
        Assert.Equal([3L], account.Ledger.Pending.Select(e => e.Sequence));

        account.Apply(Refund("r1", 5_000, "2026-05-01T10:00Z", "p1"), Basic, Now);
        Assert.Equal(4, account.Ledger.Count);
        Assert.Equal([3L, 4L], account.Ledger.Pending.Select(e => e.Sequence));
    }
}

using System.Text.Json;
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

        Assert.Equal([1L, 2L, 3L], account.PendingLedger.Select(e => e.Sequence));
        account.LedgerAppended(2);
        Assert.Equal([3L], account.PendingLedger.Select(e => e.Sequence));

        account.Apply(Refund("r1", 5_000, "2026-05-01T10:00Z", "p1"), Basic, Now);
        Assert.Equal(4, account.LedgerCount);
        Assert.Equal([3L, 4L], account.PendingLedger.Select(e => e.Sequence));
    }

    [Fact]
    public void Stored_state_holds_the_count_and_pending_entries_but_never_a_whole_ledger()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 10_000, "2026-04-01T10:00Z"), Basic, Now);
        account.LedgerAppended(account.LedgerCount);
        account.Apply(Buy("p2", 4_000, "2026-05-30T10:00Z"), Basic, Now);

        var json = JsonSerializer.Serialize(account, options);
        var copy = JsonSerializer.Deserialize<MemberAccount>(json, options)!;

        Assert.DoesNotContain("\"entries\"", json, StringComparison.Ordinal);
        Assert.Equal(4, copy.LedgerCount);
        Assert.Equal(account.PendingLedger, copy.PendingLedger);
        Assert.Equal([4L], copy.PendingLedger.Select(e => e.Sequence));
    }

    [Fact]
    public void A_state_stored_with_its_whole_ledger_loads_it_as_pending_and_numbers_on()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "member-before-ledger-store.json"));

        var account = JsonSerializer.Deserialize<MemberAccount>(json)!;

        Assert.Equal(5, account.LedgerCount);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], account.PendingLedger.Select(e => e.Sequence));
        Assert.Equal(account.Available, account.Sum(PointsBalance.Available));
        Assert.Equal(account.Pending, account.Sum(PointsBalance.Pending));
        Assert.DoesNotContain("\"Entries\"", JsonSerializer.Serialize(account), StringComparison.Ordinal);

        account.Apply(Buy("p3", 1_000, "2026-05-31T10:00Z", member: "ada"), Basic, Now);
        Assert.Equal(6, account.PendingLedger[^1].Sequence);
    }
}

using System.Text.Json;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Members;
using Loyalty.Grains.Members.Storage;
using Loyalty.Tests.Shared;

namespace Loyalty.Grains.Tests;

/// <summary>A member's ledger lives in the ledger store: appended after each turn's write, exactly once, read in pages.</summary>
public sealed class MemberLedgerStoreTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData(0)] // a state stored before the ledger had its own store
    [InlineData(3)] // a crash after the store had some of the entries, before the state forgot them
    public async Task A_state_stored_with_its_whole_ledger_reads_back_whole_and_its_entries_reach_the_store_once(int alreadyStored)
    {
        var scenario = await new Scenario(fixture.Client).Configure();
        var account = JsonSerializer.Deserialize<StoredMember>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "member-before-ledger-store.json")))!.FromStored();
        await ClusterFixture.Ledgers.Append(scenario.ProgramId, "ada", [.. account.Ledger.Pending.Take(alreadyStored)], null);
        var member = fixture.Client.GetGrain<IMemberGrain>(GrainKeys.Member(scenario.ProgramId, "ada"));
        await ClusterFixture.Seed("member", member.GetGrainId(), account);

        var page = await member.GetLedger(0, 100);

        Assert.Equal(5, page.Total);
        Assert.Equal([5L, 4L, 3L, 2L, 1L], page.Entries.Select(line => line.Sequence));
        Assert.Equal(["clawedBack", "earned", "matured", "matured", "earned"], page.Entries.Select(line => line.Kind));
        var stored = await ClusterFixture.Ledgers.Read(scenario.ProgramId, "ada", long.MaxValue, 100);
        Assert.Equal([5L, 4L, 3L, 2L, 1L], stored.Entries.Select(e => e.Sequence));

        await scenario.Publish(Scenario.Purchase("p3", "ada", 9_000, TestClock.UtcNow.ToString("O")));
        var view = await Polling.Eventually(() => member.GetSnapshot(), s => s!.Points.LifetimeEarned > 170);
        var after = await member.GetLedger(0, 500);
        Assert.Equal(Enumerable.Range(1, after.Total).Reverse().Select(i => (long)i), after.Entries.Select(line => line.Sequence));
        Assert.Equal(view!.Points.Available, after.Entries.Where(line => line.Balance == "available").Sum(line => line.Points));
        Assert.Equal(view.Points.Pending, after.Entries.Where(line => line.Balance == "pending").Sum(line => line.Points));
        Assert.Equal(after.Total, (await ClusterFixture.Ledgers.Read(scenario.ProgramId, "ada", long.MaxValue, 1)).Stored);
    }

    [Fact]
    public async Task A_program_that_keeps_the_newest_entries_answers_fewer_entries_past_them_with_stable_offsets()
    {
        var scenario = await new Scenario(fixture.Client).Configure(Scenario.Configuration.Replace(
            "\"returnWindowDays\":30,", "\"returnWindowDays\":30,\"ledgerMaxEntries\":100,", StringComparison.Ordinal));
        var member = fixture.Client.GetGrain<IMemberGrain>(GrainKeys.Member(scenario.ProgramId, "bea"));

        // Each purchase long past its return window writes three entries: earned, then pending -x and available +x.
        for (var batch = 0; batch < 6; batch++)
        {
            await scenario.Publish([.. Enumerable.Range(batch * 10, 10).Select(i =>
                Scenario.Purchase($"b{i}", "bea", 1_000 + i, $"2025-01-{1 + (i % 28):00}T10:00:00+01:00"))]);
        }

        await Polling.Eventually(() => member.GetLedger(0, 1), page => page.Total == 180);
        var newest = await member.GetLedger(0, 100);
        var oldest = await member.GetLedger(170, 10);

        Assert.Equal(Enumerable.Range(81, 100).Reverse().Select(i => (long)i), newest.Entries.Select(line => line.Sequence));
        Assert.Equal((180, 170), (oldest.Total, oldest.Offset));
        Assert.Empty(oldest.Entries);
        Assert.InRange((await ClusterFixture.Ledgers.Read(scenario.ProgramId, "bea", long.MaxValue, 500)).Entries.Count, 100, 112);
    }

    [Fact]
    public async Task Entries_whose_append_failed_stay_readable_in_the_state_and_reach_the_store_once_on_activation()
    {
        var scenario = await new Scenario(fixture.Client).Configure();
        var member = fixture.Client.GetGrain<IMemberGrain>(GrainKeys.Member(scenario.ProgramId, "cal"));
        ClusterFixture.LedgerAppends.Refuse(scenario.ProgramId);

        await scenario.Publish(Scenario.Purchase("c1", "cal", 20_000, "2025-03-01T10:00:00+01:00"));
        var view = await Polling.Eventually(() => member.GetSnapshot(), s => s is not null);
        var before = await member.GetLedger(0, 100);

        Assert.Equal(1, ClusterFixture.Writes.Writes(member.GetGrainId())); // the turn was stored all the same
        Assert.Equal([3L, 2L, 1L], before.Entries.Select(line => line.Sequence));
        Assert.Equal(view!.Points.Available, before.Entries.Where(line => line.Balance == "available").Sum(line => line.Points));
        Assert.Empty((await ClusterFixture.Ledgers.Read(scenario.ProgramId, "cal", long.MaxValue, 100)).Entries);

        ClusterFixture.LedgerAppends.Accept(scenario.ProgramId);
        await fixture.Cluster.DeactivateAsync(member);
        var after = await member.GetLedger(0, 100);

        Assert.Equal(before.Entries, after.Entries);
        Assert.Equal([3L, 2L, 1L], (await ClusterFixture.Ledgers.Read(scenario.ProgramId, "cal", long.MaxValue, 100)).Entries.Select(e => e.Sequence));
        Assert.Equal(1, ClusterFixture.Writes.Writes(member.GetGrainId())); // appending wrote no state
    }
}

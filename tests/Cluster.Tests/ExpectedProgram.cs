using Loyalty.Replay.Data;

namespace Loyalty.Cluster.Tests;

/// <summary>
/// What a log must leave in a program with the base rate only (1 point per 1.00, no rules), as an embedded run leaves
/// it: per member, net spend, points earned (one floor per purchase) and points clawed back by bare returns.
/// </summary>
public sealed record ExpectedProgram(string ProgramId, IReadOnlyDictionary<string, ExpectedMember> Members)
{
    public static ExpectedProgram From(string programId, IEnumerable<ReplayEvent> events) => new(programId, events
        .GroupBy(e => e.MemberId)
        .ToDictionary(g => g.Key, g => new ExpectedMember(
            g.Sum(e => e.Type == ReplayEvent.PurchaseType ? e.AmountMinor : -e.AmountMinor),
            g.Where(e => e.Type == ReplayEvent.PurchaseType).Sum(e => e.AmountMinor / 100),
            g.Where(e => e.Type == ReplayEvent.ReturnType).Sum(e => e.AmountMinor / 100),
            g.Count(e => e.Type == ReplayEvent.PurchaseType && e.AmountMinor >= 100))));

    /// <summary>
    /// Polls each member until it shows the expected spend, then checks balances, ledger and both all-time boards:
    /// nothing lost, nothing counted twice.
    /// </summary>
    public async Task AssertReached(HttpClient client, TimeSpan deadline, bool readLedgers)
    {
        await ReplayExpectations.WaitUntilApplied(client, ProgramId, Members.ToDictionary(m => m.Key, m => m.Value.NetSpendMinor), deadline);
        await Parallel.ForEachAsync(Members, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (entry, _) =>
        {
            var (memberId, expected) = entry;
            var member = await client.GetRequiredJson($"v1/programs/{ProgramId}/members/{memberId}");
            Assert.Equal((expected.Earned, expected.ClawedBack), (member.Long("points.lifetimeEarned"), member.Long("points.clawedBack")));
            if (readLedgers)
            {
                var ledger = await client.ReadLedger(ProgramId, memberId);
                Assert.Equal(expected.EarningPurchases, ledger.Count(e => e.Kind == "earned"));
                Assert.Equal(member.Long("points.available"), ledger.Where(e => e.Balance == "available").Sum(e => e.Points));
                Assert.Equal(member.Long("points.pending"), ledger.Where(e => e.Balance == "pending").Sum(e => e.Points));
            }
        });

        await AssertBoard(client, "spend", m => m.NetSpendMinor);
        await AssertBoard(client, "points", m => m.Earned - m.ClawedBack);
    }

    /// <summary>The board's top 1,000 (all of a small program) hold exactly the members' own figures.</summary>
    private async Task AssertBoard(HttpClient client, string board, Func<ExpectedMember, long> score)
    {
        var expectedTop = Math.Min(1_000, Members.Count);
        var entries = await Polling.Eventually(() => client.ReadBoard(ProgramId, board),
            b => b.Count == expectedTop && b.All(e => score(Members[e.Key]) == e.Value), TimeSpan.FromSeconds(30));
        Assert.Equal(expectedTop, entries.Count);
        Assert.All(entries, e => Assert.Equal(score(Members[e.Key]), e.Value));
        var lowestShown = entries.Values.Min();
        Assert.Equal(Members.Values.Count(m => score(m) > lowestShown), entries.Values.Count(v => v > lowestShown));
    }
}

public sealed record ExpectedMember(long NetSpendMinor, long Earned, long ClawedBack, int EarningPurchases);

using System.Text.Json.Nodes;

namespace Loyalty.Cluster.Tests;

/// <summary>Everything an app can read about a program's members and boards, for before/after comparisons.</summary>
public sealed record ProgramState(
    IReadOnlyDictionary<string, string> Members,
    IReadOnlyDictionary<string, IReadOnlyList<LedgerRow>> Ledgers,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Boards,
    IReadOnlyList<string> Kpis)
{
    public static async Task<ProgramState> Capture(HttpClient client, string program, IEnumerable<string> memberIds, IEnumerable<string> periods)
    {
        var members = new Dictionary<string, string>();
        var ledgers = new Dictionary<string, IReadOnlyList<LedgerRow>>();
        foreach (var memberId in memberIds.Order(StringComparer.Ordinal))
        {
            members[memberId] = (await client.GetJson($"v1/programs/{program}/members/{memberId}"))?.ToJsonString() ?? "missing";
            ledgers[memberId] = await client.ReadLedger(program, memberId);
        }

        var boards = new Dictionary<string, IReadOnlyDictionary<string, long>>();
        foreach (var board in new[] { "points", "spend" })
        {
            foreach (var period in periods)
            {
                boards[$"{board}/{period}"] = await client.ReadBoard(program, board, period);
            }
        }

        // The KPIs as answered, but for the moment they were asked.
        var kpis = new List<string>();
        foreach (var query in new[] { "", "?by=tier", "?by=segment", "/daily?from=2011-01-01&to=2011-12-31" })
        {
            var answer = (await client.GetJson($"v1/programs/{program}/kpis{query}"))!;
            answer.Remove("asOf");
            kpis.Add(answer.ToJsonString());
        }

        return new ProgramState(members, ledgers, boards, kpis);
    }

    public void AssertSameAs(ProgramState other)
    {
        Assert.Equal(Members, other.Members);
        foreach (var (memberId, ledger) in Ledgers)
        {
            Assert.Equal(ledger, other.Ledgers[memberId]);
        }

        foreach (var (board, entries) in Boards)
        {
            Assert.Equal(entries.OrderBy(e => e.Key), other.Boards[board].OrderBy(e => e.Key));
        }

        Assert.Equal(Kpis, other.Kpis);
    }
}

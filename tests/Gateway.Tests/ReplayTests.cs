using System.Text.Json.Nodes;
using Loyalty.Gateway.Programs;
using Loyalty.Replay.Data;
using Loyalty.Replay.Sending;

namespace Loyalty.Gateway.Tests;

/// <summary>The whole Online Retail log through the HTTP API, then the ledger and leaderboard invariants for every member.</summary>
public sealed class ReplayTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    [Fact]
    public async Task Every_member_balances_with_the_ledger_and_the_points_board_equals_net_points()
    {
        var data = OnlineRetailReader.Read(SharedData.File("online_retail.csv"));
        var program = await Programs.Create(client, DemoProgram.ConfigurationJson);
        var expectedSpend = ReplayExpectations.NetSpend(data.Events);

        var summary = await new EventBatchSender(client, new SenderOptions()).SendAsync(program, data.Events, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(summary.Clean, string.Join("; ", summary.Errors));
        Assert.Equal(data.Events.Count, summary.Accepted);
        var netPoints = new Dictionary<string, long>();
        foreach (var (memberId, spend) in expectedSpend)
        {
            var member = await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/{memberId}"),
                m => m?.Long("lifetimeSpendMinor") == spend, TimeSpan.FromSeconds(60));
            Assert.Equal(spend, member.Long("lifetimeSpendMinor"));
            var ledger = await client.ReadLedger(program, memberId);
            Assert.Equal(member.Long("points.available"), ledger.Where(e => e.Balance == "available").Sum(e => e.Points));
            Assert.Equal(member.Long("points.pending"), ledger.Where(e => e.Balance == "pending").Sum(e => e.Points));
            Assert.Equal(member.Long("points.lifetimeEarned"), ledger.Where(e => e.Kind == "earned").Sum(e => e.Points));
            netPoints[memberId] = member.Long("points.lifetimeEarned") - member.Long("points.clawedBack");
        }

        var board = await Polling.Eventually(() => client.ReadBoard(program, "points"), b => b.Count == netPoints.Count && b.All(e => netPoints.GetValueOrDefault(e.Key) == e.Value));
        Assert.Equal(netPoints.OrderBy(p => p.Key), board.OrderBy(p => p.Key));
    }
}

using Loyalty.Replay.Data;
using Loyalty.Replay.Sending;

namespace Loyalty.Cluster.Tests;

/// <summary>The Redis profile keeps everything across a full stop and start of every process, Redis included, KPIs too.</summary>
[Collection(LocalCluster.Collection)]
public sealed class RestartTests
{
    [Fact]
    public async Task After_a_full_restart_every_member_ledger_board_and_kpi_is_identical()
    {
        var data = OnlineRetailReader.Read(SharedData.File("online_retail.csv"));
        var spend = ReplayExpectations.NetSpend(data.Events);
        var periods = data.Events.Select(e => e.OccurredAt.UtcDateTime.ToString("yyyy-MM")).Distinct().Append("all").ToList();
        await using var cluster = new LocalCluster();
        await cluster.Up();

        var summary = await new EventBatchSender(cluster.Client, new SenderOptions()).SendAsync("demo", data.Events, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(summary.Clean, string.Join("; ", summary.Errors));
        await ReplayExpectations.WaitUntilApplied(cluster.Client, "demo", spend, TimeSpan.FromSeconds(90));
        var board = await Polling.Eventually(() => cluster.Client.ReadBoard("demo", "spend"), b => b.Count == spend.Count);
        Assert.Equal(spend.OrderBy(s => s.Key), board.OrderBy(s => s.Key));
        var kpis = await Polling.Eventually(() => cluster.Client.GetJson("v1/programs/demo/kpis"), k => k?.Long("members") == spend.Count);
        Assert.Equal((spend.Count, spend.Values.Sum()), (kpis.Long("members"), kpis.Long("netSpendMinor")));
        var before = await ProgramState.Capture(cluster.Client, "demo", spend.Keys, periods);

        await cluster.Down();
        await cluster.Up();

        var after = await ProgramState.Capture(cluster.Client, "demo", spend.Keys, periods);
        before.AssertSameAs(after);
    }
}

using Loyalty.Replay.Data;
using Loyalty.Replay.Sending;

namespace Loyalty.Cluster.Tests;

/// <summary>
/// Both logs at full speed into a three-silo Redis cluster while processes fail; at the end every member and board
/// equals what an embedded run leaves: nothing lost, nothing counted twice.
/// </summary>
[Collection(LocalCluster.Collection)]
public sealed class FailureTests
{
    private static readonly ReplayData OnlineRetail = OnlineRetailReader.Read(SharedData.File("online_retail.csv"));
    private static readonly ReplayData Cdnow = CdnowReader.Read(SharedData.File("CDNOW_master.txt"));
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_silo_killed_mid_ingestion_and_started_again_loses_and_doubles_nothing()
    {
        await using var cluster = new LocalCluster();
        await cluster.Up();

        await Replay(cluster, whileRunning: async () =>
        {
            await cluster.Kill("silo-2");
            await cluster.Up();
        });

        await AssertExact(cluster);
    }

    [Fact]
    public async Task A_rolling_restart_of_every_silo_during_ingestion_loses_and_doubles_nothing()
    {
        await using var cluster = new LocalCluster();
        await cluster.Up();

        await Replay(cluster, whileRunning: async () =>
        {
            foreach (var silo in new[] { "silo-1", "silo-2", "silo-3" })
            {
                await cluster.Restart(silo);
            }
        });

        await AssertExact(cluster);
    }

    /// <summary>Sends both logs concurrently; <paramref name="whileRunning"/> strikes once a tenth of CDNOW is answered.</summary>
    private static async Task Replay(LocalCluster cluster, Func<Task> whileRunning)
    {
        var sender = new EventBatchSender(cluster.Client, new SenderOptions { BatchSize = 500, RetryFor = TimeSpan.FromMinutes(3) });
        var struck = new TaskCompletionSource();
        var progress = new Progress<ReplayProgress>(p =>
        {
            if (p.Done >= p.Total / 10)
            {
                struck.TrySetResult();
            }
        });
        await GatewayPreparation.EnsureProgram(cluster.Client, "cdnow", GatewayPreparation.CdnowProgramJson);
        var retail = sender.SendAsync("demo", OnlineRetail.Events);
        var cdnow = sender.SendAsync("cdnow", Cdnow.Events, progress);
        await struck.Task.WaitAsync(Deadline, TestContext.Current.CancellationToken);
        await whileRunning();
        foreach (var summary in await Task.WhenAll(retail, cdnow))
        {
            Assert.True(summary.Clean, string.Join("; ", summary.Errors));
            Assert.Equal(summary.Sent, summary.Accepted);
        }
    }

    private static async Task AssertExact(LocalCluster cluster)
    {
        await ExpectedProgram.From("demo", OnlineRetail.Events).AssertReached(cluster.Client, Deadline, readLedgers: true);
        await ExpectedProgram.From("cdnow", Cdnow.Events).AssertReached(cluster.Client, Deadline, readLedgers: false);
    }
}

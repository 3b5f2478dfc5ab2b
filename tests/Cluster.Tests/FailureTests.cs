using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Loyalty.Replay.Data;
using Loyalty.Replay.Sending;

namespace Loyalty.Cluster.Tests;

/// <summary>
/// Both logs at full speed into a three-silo cluster of each durable profile (Redis; Azure Storage on Azurite, with
/// a tenth of the logs: <see cref="ProfileLogs"/>) while processes fail; at the end every member and board equals
/// what an embedded run leaves: nothing lost, nothing counted twice.
/// </summary>
[Collection(LocalCluster.Collection)]
public sealed class FailureTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    /// <summary>How long a killed silo's members may go unserved (issue: declared dead and served elsewhere).</summary>
    private static readonly TimeSpan FailoverBound = TimeSpan.FromSeconds(15);

    [Theory]
    [MemberData(nameof(ProfileLogs.Profiles), MemberType = typeof(ProfileLogs))]
    public async Task A_killed_silo_is_replaced_within_15_s_and_a_kill_mid_ingestion_loses_and_doubles_nothing(string profile)
    {
        await using var cluster = new LocalCluster(profile);
        await cluster.Up();

        var failover = await MeasureFailover(cluster, "silo-3");
        TestContext.Current.TestOutputHelper?.WriteLine($"failover: {failover.TotalSeconds:0.0} s");
        Assert.True(failover <= FailoverBound, $"members of the killed silo were served again after {failover.TotalSeconds:0.0} s");
        await cluster.Up();

        await Replay(cluster, profile, whileRunning: async () =>
        {
            await cluster.Kill("silo-2");
            await cluster.Up();
        });

        await AssertExact(cluster, profile);
    }

    [Theory]
    [MemberData(nameof(ProfileLogs.Profiles), MemberType = typeof(ProfileLogs))]
    public async Task A_rolling_restart_of_every_silo_during_ingestion_loses_and_doubles_nothing(string profile)
    {
        await using var cluster = new LocalCluster(profile);
        await cluster.Up();

        await Replay(cluster, profile, whileRunning: async () =>
        {
            foreach (var silo in new[] { "silo-1", "silo-2", "silo-3" })
            {
                await cluster.Restart(silo);
            }
        });

        await AssertExact(cluster, profile);
    }

    /// <summary>
    /// Redis is SIGKILLed (it syncs every write, appendfsync always). Azurite is stopped instead: it keeps its tables in
    /// memory and saves them every few seconds and when it stops, so a SIGKILL of the emulator loses writes it had
    /// acknowledged, which Azure Storage itself never does; the outage is the same to the cluster.
    /// </summary>
    [Theory]
    [MemberData(nameof(ProfileLogs.Profiles), MemberType = typeof(ProfileLogs))]
    public async Task The_store_down_mid_ingestion_is_refused_with_503_and_retried_through_to_exact_results(string profile)
    {
        await using var cluster = new LocalCluster(profile, appendFsync: "always");
        await cluster.Up();

        await Replay(cluster, profile, whileRunning: async () =>
        {
            await (profile == "azure" ? cluster.Stop(cluster.Store) : cluster.Kill(cluster.Store));
            await AssertRefusedWhileTheStoreIsDown(cluster.Client);
            await cluster.Up();
        });

        await AssertExact(cluster, profile);
    }

    /// <summary>
    /// Members spread over every silo get one event each; then a silo is killed and each gets a second. Returns how
    /// long after the kill the last of them had its second event applied.
    /// </summary>
    private static async Task<TimeSpan> MeasureFailover(LocalCluster cluster, string silo)
    {
        const string program = "failover";
        await GatewayPreparation.EnsureProgram(cluster.Client, program, GatewayPreparation.CdnowProgramJson);
        var members = Enumerable.Range(0, 48).Select(i => $"m{i}").ToList();
        await PostOnePurchaseEach(cluster.Client, program, members, "first");
        await ReplayExpectations.WaitUntilApplied(cluster.Client, program, members.ToDictionary(m => m, _ => 100L), Deadline);

        await cluster.Kill(silo);
        var sinceKill = Stopwatch.StartNew();
        await PostOnePurchaseEach(cluster.Client, program, members, "second");
        await ReplayExpectations.WaitUntilApplied(cluster.Client, program, members.ToDictionary(m => m, _ => 200L), Deadline);
        return sinceKill.Elapsed;
    }

    /// <summary>Posts until the gateway stores the batch: right after a kill it may answer 503 for a moment.</summary>
    private static async Task PostOnePurchaseEach(HttpClient client, string program, IEnumerable<string> members, string suffix)
    {
        var events = members.Select(m => new
        {
            type = "purchase", eventId = $"{m}-{suffix}", memberId = m, occurredAt = DateTimeOffset.UtcNow, amountMinor = 100, currency = "USD",
        }).ToArray();
        var answer = await Polling.Eventually(
            async () => (await client.PostAsJsonAsync($"v1/programs/{program}/events", events, TestContext.Current.CancellationToken)).StatusCode,
            status => status == HttpStatusCode.OK,
            Deadline);
        Assert.Equal(HttpStatusCode.OK, answer);
    }

    /// <summary>Sends both logs concurrently; <paramref name="whileRunning"/> strikes once a tenth of CDNOW is answered.</summary>
    private static async Task Replay(LocalCluster cluster, string profile, Func<Task> whileRunning)
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
        var (retailEvents, cdnowEvents) = (ProfileLogs.OnlineRetail(profile), ProfileLogs.Cdnow(profile));
        TestContext.Current.TestOutputHelper?.WriteLine($"{profile}: {retailEvents.Count:N0} events of online retail, {cdnowEvents.Count:N0} of CDNOW, "
            + $"{retailEvents.Concat(cdnowEvents).Select(e => e.MemberId).Distinct().Count():N0} members");
        var retail = sender.SendAsync("demo", retailEvents);
        var cdnow = sender.SendAsync("cdnow", cdnowEvents, progress);
        await struck.Task.WaitAsync(Deadline, TestContext.Current.CancellationToken);
        await whileRunning();
        foreach (var summary in await Task.WhenAll(retail, cdnow))
        {
            Assert.True(summary.Clean, string.Join("; ", summary.Errors));
            Assert.Equal(summary.Sent, summary.Accepted);
        }
    }

    /// <summary>While the store is down the gateway refuses events with 503 and Retry-After, never 200.</summary>
    private static async Task AssertRefusedWhileTheStoreIsDown(HttpClient client)
    {
        var probe = new[]
        {
            new { type = "purchase", eventId = "probe-while-the-store-is-down", memberId = "probe", occurredAt = DateTimeOffset.UtcNow, amountMinor = 100, currency = "GBP" },
        };
        using var response = await client.PostAsJsonAsync("v1/programs/demo/events", probe, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    private static async Task AssertExact(LocalCluster cluster, string profile)
    {
        await ExpectedProgram.From("demo", ProfileLogs.OnlineRetail(profile)).AssertReached(cluster.Client, Deadline, readLedgers: true);
        await ExpectedProgram.From("cdnow", ProfileLogs.Cdnow(profile)).AssertReached(cluster.Client, Deadline, readLedgers: false);
    }
}

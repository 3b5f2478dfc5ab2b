using Loyalty.Domain;
using Loyalty.Grains.Leaderboards;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Leaderboards;
using Loyalty.Grains.Interfaces.Members;

namespace Loyalty.Grains.Tests;

public sealed class MemberFlowTests(ClusterFixture fixture)
{
    private IMemberGrain Member(Scenario scenario, string memberId) =>
        fixture.Client.GetGrain<IMemberGrain>(GrainKeys.Member(scenario.ProgramId, memberId));

    private ILeaderboardGrain Board(Scenario scenario, string board, string period) =>
        fixture.Client.GetGrain<ILeaderboardGrain>(GrainKeys.Leaderboard(scenario.ProgramId, board, period));

    [Fact]
    public async Task Events_flow_from_the_stream_through_the_member_to_both_boards()
    {
        var scenario = await new Scenario(fixture.Client).Configure();
        await scenario.Publish(
            Scenario.Purchase("e1", "ada", 25_000, "2025-04-30T23:30:00+00:00"),  // 1 May in Rome
            Scenario.Purchase("e2", "bo", 10_000, "2025-04-10T12:00:00+02:00"));

        var ada = await Polling.Eventually(() => Member(scenario, "ada").GetSnapshot(), s => s is not null);
        Assert.Equal(250, ada!.Points.LifetimeEarned);

        var may = await Polling.Eventually(() => Board(scenario, Boards.Spend, "2025-05").Top(10), t => t.Length == 1);
        Assert.Equal("ada", Assert.Single(may).MemberId);
        var all = await Polling.Eventually(() => Board(scenario, Boards.Points, "all").Top(10), t => t.Length == 2);
        Assert.Equal(["ada", "bo"], all.Select(e => e.MemberId));
        Assert.Equal([250L, 100L], all.Select(e => e.Score));
    }

    [Fact]
    public async Task A_republished_event_is_claimed_as_duplicate_and_applied_once()
    {
        var scenario = await new Scenario(fixture.Client).Configure();
        var purchase = Scenario.Purchase("dup", "cy", 5_000, "2025-06-01T10:00:00+02:00");
        var first = await scenario.Publish(purchase);
        Assert.Empty(first.Duplicates);
        await Polling.Eventually(() => Member(scenario, "cy").GetSnapshot(), s => s is not null);

        var second = await scenario.Publish(purchase);

        Assert.Contains("dup", second.Duplicates);
        var ledger = await Member(scenario, "cy").GetLedger(0, 100);
        Assert.Equal(1, ledger.Entries.Count(e => e.Kind == "earned"));
        Assert.Equal(50, (await Member(scenario, "cy").GetSnapshot())!.Points.LifetimeEarned);
    }

    [Fact]
    public async Task Member_state_survives_deactivation()
    {
        var scenario = await new Scenario(fixture.Client).Configure();
        await scenario.Publish(
            Scenario.Purchase("s1", "di", 40_000, "2025-01-10T10:00:00+01:00"),
            Scenario.Return("s2", "di", 10_000, "2025-01-12T10:00:00+01:00", "s1"));
        var before = await Polling.Eventually(() => Member(scenario, "di").GetSnapshot(), s => s?.Points.ClawedBack == 100);
        var ledgerBefore = await Member(scenario, "di").GetLedger(0, 100);

        await fixture.Cluster.DeactivateAsync(Member(scenario, "di"));

        var after = await Member(scenario, "di").GetSnapshot();
        Assert.Equal(before!.Points, after!.Points);
        Assert.Equal(before.Tier, after.Tier);
        Assert.Equal(before.Streak, after.Streak);
        Assert.Equal(before.LifetimeSpendMinor, after.LifetimeSpendMinor);
        Assert.Equal(ledgerBefore.Entries, (await Member(scenario, "di").GetLedger(0, 100)).Entries);
    }

    [Fact]
    public async Task A_leaderboard_ignores_an_update_older_than_the_one_it_holds()
    {
        var scenario = await new Scenario(fixture.Client).Configure();
        var board = Board(scenario, Boards.Points, "all");
        var at = DateTimeOffset.Parse("2025-01-01T00:00:00Z");

        await Apply(scenario, Boards.Points, [new ScoreUpdate("ed", 300, at, Version: 5)]);
        await Apply(scenario, Boards.Points, [new ScoreUpdate("ed", 100, at, Version: 4)]);

        var standing = await board.Standing("ed", 0);
        Assert.Equal(300, standing!.Score);
        Assert.Equal(1, standing.Rank);
    }

    [Fact]
    public async Task A_leaderboard_survives_deactivation()
    {
        var scenario = await new Scenario(fixture.Client).Configure();
        var board = Board(scenario, Boards.Spend, "all");
        var at = DateTimeOffset.Parse("2025-01-01T00:00:00Z");
        await Apply(scenario, Boards.Spend, [new ScoreUpdate("fa", 10, at, 1), new ScoreUpdate("gu", 20, at, 1)]);

        foreach (var shard in Shards(scenario, Boards.Spend))
        {
            await fixture.Cluster.DeactivateAsync(shard);
        }

        Assert.Equal(["gu", "fa"], (await board.Top(10)).Select(e => e.MemberId));
    }

    /// <summary>Sends updates straight to the shards that hold their members, as the silos' buffers do.</summary>
    private async Task Apply(Scenario scenario, string board, ScoreUpdate[] updates)
    {
        var shards = Shards(scenario, board);
        foreach (var update in updates)
        {
            await shards[StableBucket.Of(update.MemberId, shards.Count)].Apply([update]);
        }
    }

    private List<ILeaderboardShard> Shards(Scenario scenario, string board) =>
        [.. Enumerable.Range(0, new LeaderboardOptions().Shards).Select(i =>
            fixture.Client.GetGrain<ILeaderboardShard>(GrainKeys.LeaderboardShard(GrainKeys.Leaderboard(scenario.ProgramId, board, "all"), i)))];
}

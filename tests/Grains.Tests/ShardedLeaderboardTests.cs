using System.Collections.Immutable;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Leaderboards;
using Loyalty.Grains.Leaderboards;

namespace Loyalty.Grains.Tests;

/// <summary>Board shards on two silos, updated concurrently in random order, read through the board grain.</summary>
public sealed class ShardedLeaderboardTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.Parse("2026-01-01T00:00:00Z");

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public async Task Concurrent_updates_in_random_order_across_shards_give_the_ranks_of_one_sorted_list(int seed)
    {
        var scenario = await new Scenario(fixture.Client).Configure();
        var boardKey = GrainKeys.Leaderboard(scenario.ProgramId, Boards.Points, PeriodKeys.All);
        var shardCount = new LeaderboardOptions().Shards;
        var random = new Random(seed);

        // Several versions per member, scores with many ties, sent to the shards in shuffled concurrent batches.
        var updates = Enumerable.Range(1, 1_500).OrderBy(_ => random.Next())
            .Select(version => new ScoreUpdate($"m{random.Next(300)}", random.Next(0, 25), T0.AddSeconds(random.Next(40)), version))
            .ToList();
        var batches = updates.OrderBy(_ => random.Next()).Chunk(37).Select(chunk => chunk
            .GroupBy(u => StableBucket.Of(u.MemberId, shardCount))
            .Select(g => fixture.Client.GetGrain<ILeaderboardShard>(GrainKeys.LeaderboardShard(boardKey, g.Key)).Apply([.. g])));
        await Task.WhenAll(batches.SelectMany(b => b));

        // The reference: each member's newest version, in one plain sorted list.
        var reference = updates.GroupBy(u => u.MemberId).Select(g => g.MaxBy(u => u.Version)!)
            .OrderByDescending(u => u.Score).ThenBy(u => u.ReachedAt).ThenBy(u => u.MemberId, StringComparer.Ordinal)
            .Select((u, i) => new RankedScore(i + 1, u.MemberId, u.Score))
            .ToList();
        var board = fixture.Client.GetGrain<ILeaderboardGrain>(boardKey);
        var top = await board.Top(1_000);
        var ranks = top.ToDictionary(e => e.MemberId, e => e.Rank);
        foreach (var expected in reference)
        {
            var standing = await board.Standing(expected.MemberId, 2);
            Assert.NotNull(standing);
            Assert.Equal((expected.Rank, expected.Score), (standing.Rank, standing.Score));
            Assert.Equal(expected.Rank, ranks[expected.MemberId]);
            var index = expected.Rank - 1;
            var aroundRanks = standing.Around.Select(e => e.Rank).ToList();
            Assert.Equal(Enumerable.Range(Math.Max(1, expected.Rank - 2), aroundRanks.Count), aroundRanks);
            Assert.Equal(top.Skip(Math.Max(0, index - 2)).Take(aroundRanks.Count), standing.Around);
        }
    }
}

using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

public sealed class ShardedRankingTests
{
    private static readonly DateTimeOffset T0 = At("2026-01-01T00:00Z");

    [Theory]
    [InlineData(1, 11)]
    [InlineData(4, 12)]
    [InlineData(7, 13)]
    public void Random_interleavings_across_shards_rank_exactly_like_one_sorted_list(int shardCount, int seed)
    {
        var random = new Random(seed);
        var shards = Enumerable.Range(0, shardCount).Select(_ => new RankedBoard()).ToArray();
        var reference = new Dictionary<string, BoardEntry>();
        for (var step = 0; step < 2_000; step++)
        {
            // Updates reach shards in any order and some arrive late (an older version): the newest version wins.
            var member = $"m{random.Next(150)}";
            var entry = new BoardEntry(member, random.Next(0, 40), T0.AddSeconds(random.Next(30)), random.Next(1, 40));
            var shard = shards[StableBucket.Of(member, shardCount)];
            if (shard.Set(entry.MemberId, entry.Score, entry.ReachedAt, entry.Version))
            {
                reference[member] = entry;
            }

            if (step % 50 != 49)
            {
                continue;
            }

            var ordered = Sorted(reference.Values);
            Assert.Equal(ordered.Take(10), ShardedRanking.Top(shards.Select(s => s.Top(10)), 10));
            foreach (var expected in ordered)
            {
                var k = random.Next(0, 4);
                var own = shards[StableBucket.Of(expected.MemberId, shardCount)].Find(expected.MemberId)!;
                var position = BoardPosition.Of(own);
                var standing = ShardedRanking.Standing(own, [.. shards.Select(s => ShardedRanking.Neighbours(s, position, k))], k);
                var index = expected.Rank - 1;
                Assert.Equal(expected.Rank, standing.Rank);
                Assert.Equal(ordered.Skip(Math.Max(0, index - k)).Take(index - Math.Max(0, index - k) + k + 1), standing.Around);
            }
        }
    }

    [Fact]
    public void Equal_scores_across_shards_go_to_whoever_reached_them_first()
    {
        var shards = new[] { new RankedBoard(), new RankedBoard() };
        shards[0].Set("late", 100, T0.AddMinutes(1), 1);
        shards[1].Set("early", 100, T0, 1);

        Assert.Equal(["early", "late"], ShardedRanking.Top(shards.Select(s => s.Top(5)), 5).Select(e => e.MemberId));
        var late = shards[0].Find("late")!;
        var standing = ShardedRanking.Standing(late, [.. shards.Select(s => ShardedRanking.Neighbours(s, BoardPosition.Of(late), 1))], 1);
        Assert.Equal(2, standing.Rank);
        Assert.Equal([1, 2], standing.Around.Select(e => e.Rank));
    }

    private static List<RankedEntry> Sorted(IEnumerable<BoardEntry> entries) => entries
        .OrderByDescending(r => r.Score).ThenBy(r => r.ReachedAt).ThenBy(r => r.MemberId, StringComparer.Ordinal)
        .Select((r, i) => new RankedEntry(i + 1, r.MemberId, r.Score, r.ReachedAt))
        .ToList();
}

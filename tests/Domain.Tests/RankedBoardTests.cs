using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

public sealed class RankedBoardTests
{
    private static readonly DateTimeOffset T0 = At("2026-01-01T00:00Z");

    [Fact]
    public void Equal_scores_go_to_whoever_reached_them_first()
    {
        var board = new RankedBoard();
        board.Set("late", 100, T0.AddMinutes(5), 1);
        board.Set("early", 100, T0, 1);
        board.Set("top", 500, T0.AddMinutes(9), 1);

        Assert.Equal(["top", "early", "late"], board.Top(10).Select(e => e.MemberId));
        Assert.Equal(new RankedEntry(3, "late", 100, T0.AddMinutes(5)), board.Find("late"));
    }

    [Fact]
    public void An_update_not_newer_than_the_one_held_is_ignored()
    {
        var board = new RankedBoard();
        Assert.True(board.Set("m", 300, T0, 5));
        Assert.False(board.Set("m", 100, T0, 4));
        Assert.False(board.Set("m", 100, T0, 5));
        Assert.Equal(300, board.Find("m")!.Score);
    }

    [Fact]
    public void Around_me_is_clipped_at_the_edges()
    {
        var board = new RankedBoard();
        for (var i = 0; i < 10; i++)
        {
            board.Set($"m{i}", i * 10, T0, 1);
        }

        Assert.Equal(["m9", "m8", "m7"], board.Around("m9", 2).Select(e => e.MemberId));
        Assert.Equal([2, 3, 4, 5, 6], board.Around("m6", 2).Select(e => e.Rank));
        Assert.Empty(board.Around("nobody", 2));
        Assert.Null(board.Find("nobody"));
    }

    [Fact]
    public void Ranks_match_a_sorted_reference_under_random_updates()
    {
        var random = new Random(42);
        var board = new RankedBoard();
        var reference = new Dictionary<string, (long Score, DateTimeOffset At, long Version)>();
        for (var step = 0; step < 20_000; step++)
        {
            var member = $"m{random.Next(500)}";
            var version = random.Next(1, 40);
            var update = (Score: (long)random.Next(-50, 200), At: T0.AddSeconds(random.Next(1_000)), Version: (long)version);
            var accepted = board.Set(member, update.Score, update.At, update.Version);
            var newer = !reference.TryGetValue(member, out var held) || version > held.Version;
            Assert.Equal(newer, accepted);
            if (newer)
            {
                reference[member] = update;
            }
        }

        var expected = reference
            .OrderByDescending(r => r.Value.Score).ThenBy(r => r.Value.At).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select((r, i) => new RankedEntry(i + 1, r.Key, r.Value.Score, r.Value.At))
            .ToList();
        Assert.Equal(expected, board.Top(expected.Count + 5));
        Assert.All(expected, e => Assert.Equal(e, board.Find(e.MemberId)));
        Assert.Equal(expected.Count, board.Count);
    }

    [Fact]
    public void Export_and_import_keep_the_ranking_and_versions()
    {
        var board = new RankedBoard();
        board.Set("a", 10, T0, 3);
        board.Set("b", 20, T0, 1);

        var copy = RankedBoard.Import(board.Export());

        Assert.Equal(board.Top(10), copy.Top(10));
        Assert.False(copy.Set("a", 99, T0, 3));
    }
}

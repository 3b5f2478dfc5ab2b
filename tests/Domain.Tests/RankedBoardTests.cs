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

    [Fact]
    public void A_board_survives_a_json_round_trip()
    {
        var random = new Random(3);
        var board = new RankedBoard();
        for (var i = 0; i < 300; i++)
        {
            board.Set($"m{random.Next(200)}", random.Next(50), T0.AddSeconds(random.Next(100)), random.Next(1, 10));
        }

        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        var json = System.Text.Json.JsonSerializer.Serialize(board.Export(), options);
        var copy = RankedBoard.Import(System.Text.Json.JsonSerializer.Deserialize<List<BoardEntry>>(json, options)!);

        Assert.Equal(board.Export(), copy.Export());
        Assert.Equal(board.Top(board.Count), copy.Top(copy.Count));
        Assert.Contains("\"memberId\"", json);
    }

    [Fact]
    public void Import_keeps_the_newest_version_of_a_member()
    {
        var copy = RankedBoard.Import([new BoardEntry("a", 5, T0, 2), new BoardEntry("a", 9, T0, 7), new BoardEntry("a", 1, T0, 3)]);
        Assert.Equal(new RankedEntry(1, "a", 9, T0), copy.Find("a"));
        Assert.Equal(1, copy.Count);
    }

    [Fact]
    public void Top_and_around_accept_any_size()
    {
        var board = new RankedBoard();
        board.Set("a", 1, T0, 1);
        Assert.Empty(board.Top(0));
        Assert.Empty(board.Top(-3));
        Assert.Equal(["a"], board.Around("a", -1).Select(e => e.MemberId));
        Assert.Empty(new RankedBoard().Top(10));
    }

    [Fact]
    public void Ranks_and_neighbours_match_the_reference_at_every_step()
    {
        var random = new Random(99);
        var board = new RankedBoard();
        var reference = new Dictionary<string, BoardEntry>();
        for (var step = 0; step < 3_000; step++)
        {
            var member = $"m{random.Next(120)}";
            var entry = new BoardEntry(member, random.Next(0, 30), T0.AddSeconds(random.Next(20)), random.Next(1, 30));
            if (board.Set(entry.MemberId, entry.Score, entry.ReachedAt, entry.Version))
            {
                reference[member] = entry;
            }

            var ordered = reference.Values
                .OrderByDescending(r => r.Score).ThenBy(r => r.ReachedAt).ThenBy(r => r.MemberId, StringComparer.Ordinal)
                .Select((r, i) => new RankedEntry(i + 1, r.MemberId, r.Score, r.ReachedAt))
                .ToList();
            var probe = ordered[random.Next(ordered.Count)];
            var k = random.Next(0, 4);
            var index = probe.Rank - 1;
            Assert.Equal(probe, board.Find(probe.MemberId));
            Assert.Equal(ordered.Skip(Math.Max(0, index - k)).Take(index - Math.Max(0, index - k) + k + 1), board.Around(probe.MemberId, k));
            Assert.Equal(ordered.Take(5), board.Top(5));
        }
    }

    [Fact]
    public void A_large_board_keeps_exact_ranks()
    {
        var board = new RankedBoard();
        const int members = 50_000;
        for (var i = 0; i < members; i++)
        {
            board.Set($"m{i:D6}", i % 1_000, T0, 1);
        }

        // Score 999 is held by m000999, m001999, ...: 50 members, ordered by id.
        Assert.Equal(new RankedEntry(1, "m000999", 999, T0), board.Find("m000999"));
        Assert.Equal(50, board.Find("m049999")!.Rank);
        Assert.Equal(members, board.Find("m049000")!.Rank);
        Assert.True(board.Set("m049000", 5_000, T0, 2));
        Assert.Equal(1, board.Find("m049000")!.Rank);
        Assert.Equal(members, board.Count);

        var copy = RankedBoard.Import(board.Export());
        Assert.Equal(board.Around("m025500", 3), copy.Around("m025500", 3));
        Assert.Equal(board.Find("m000001"), copy.Find("m000001"));
    }
}

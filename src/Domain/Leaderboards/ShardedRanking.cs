namespace Loyalty.Domain;

/// <summary>
/// Exact ranks over a board whose members are spread across shards, each an independent <see cref="RankedBoard"/>.
/// A member's global rank is one plus how many entries rank above them in every shard; the global top N is among
/// the shards' own top N; and the k entries just above or below a member are among each shard's k nearest.
/// </summary>
public static class ShardedRanking
{
    /// <summary>The global top <paramref name="n"/> from each shard's own top <paramref name="n"/>.</summary>
    public static IReadOnlyList<RankedEntry> Top(IEnumerable<IReadOnlyList<RankedEntry>> shardTops, int n) =>
        Rerank(shardTops.SelectMany(top => top).Order(ByBoardOrder).Take(n), firstRank: 1);

    /// <summary>What one shard knows about the neighbourhood of a position: its count above, and its k nearest either side.</summary>
    public static ShardNeighbours Neighbours(RankedBoard shard, BoardPosition position, int k)
    {
        var above = shard.CountAbove(position);
        var before = shard.Slice(above - k, Math.Min(k, above));
        var after = shard.Slice(above, k + 1).Where(e => e.MemberId != position.MemberId).Take(k).ToList();
        return new ShardNeighbours(above, before, after);
    }

    /// <summary>The member's global rank and the k entries above and below, from every shard's neighbours.</summary>
    public static ShardedStanding Standing(RankedEntry member, IReadOnlyCollection<ShardNeighbours> shards, int k)
    {
        var rank = 1 + shards.Sum(s => s.Above);
        var others = shards.SelectMany(s => s.Before.Concat(s.After)).Where(e => e.MemberId != member.MemberId).ToList();
        var position = BoardPosition.Of(member);
        var before = others.Where(e => BoardPosition.Compare(BoardPosition.Of(e), position) < 0).Order(ByBoardOrder).TakeLast(k).ToList();
        var after = others.Where(e => BoardPosition.Compare(BoardPosition.Of(e), position) > 0).Order(ByBoardOrder).Take(k);
        var around = before.Append(member).Concat(after);
        return new ShardedStanding(rank, Rerank(around, rank - before.Count));
    }

    private static readonly Comparer<RankedEntry> ByBoardOrder =
        Comparer<RankedEntry>.Create((a, b) => BoardPosition.Compare(BoardPosition.Of(a), BoardPosition.Of(b)));

    private static List<RankedEntry> Rerank(IEnumerable<RankedEntry> ordered, int firstRank) =>
        ordered.Select((e, i) => e with { Rank = firstRank + i }).ToList();
}

/// <summary>One shard's view around a position: entries above it, and its nearest entries before and after it.</summary>
public sealed record ShardNeighbours(int Above, IReadOnlyList<RankedEntry> Before, IReadOnlyList<RankedEntry> After);

/// <summary>A member's global rank, and the entries around them (the member included) with their global ranks.</summary>
public sealed record ShardedStanding(int Rank, IReadOnlyList<RankedEntry> Around);

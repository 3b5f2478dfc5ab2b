using System.Collections.Immutable;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces.Leaderboards;

namespace Loyalty.Grains.Leaderboards;

/// <summary>Between the rule book's ranking types and the shard messages.</summary>
internal static class ShardMapping
{
    public static ShardEntry ToShardEntry(this RankedEntry entry) => new(entry.MemberId, entry.Score, entry.ReachedAt);

    public static ImmutableArray<ShardEntry> ToShardEntries(this IEnumerable<RankedEntry> entries) => [.. entries.Select(ToShardEntry)];

    /// <summary>Rank 0: a shard's entries carry no global rank; the merge assigns it.</summary>
    public static RankedEntry ToRankedEntry(this ShardEntry entry) => new(0, entry.MemberId, entry.Score, entry.ReachedAt);

    public static List<RankedEntry> ToRankedEntries(this ImmutableArray<ShardEntry> entries) => [.. entries.Select(ToRankedEntry)];

    public static BoardPosition ToPosition(this ShardEntry entry) => new(entry.MemberId, entry.Score, entry.ReachedAt);

    public static ShardNeighbours ToNeighbours(this ShardNeighbourhood neighbourhood) =>
        new(neighbourhood.Above, neighbourhood.Before.ToRankedEntries(), neighbourhood.After.ToRankedEntries());

    public static RankedScore ToRankedScore(this RankedEntry entry) => new(entry.Rank, entry.MemberId, entry.Score);
}

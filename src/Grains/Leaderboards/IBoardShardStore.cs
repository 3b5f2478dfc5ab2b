using Loyalty.Domain;

namespace Loyalty.Grains.Leaderboards;

/// <summary>
/// Where board shards keep their entries. Writes carry only the entries that changed, so the cost of a write
/// follows the traffic, not the size of a board with a million members.
/// </summary>
public interface IBoardShardStore
{
    /// <summary>Every entry of a shard, in no particular order; empty when the shard has none or has expired.</summary>
    Task<IReadOnlyList<BoardEntry>> Load(string shardKey);

    /// <summary>
    /// Stores changed entries and forgets the <paramref name="removed"/> members' entries (erasure);
    /// <paramref name="keptUntil"/> is when the whole shard may be forgotten (null: never).
    /// </summary>
    Task Save(string shardKey, IReadOnlyCollection<BoardEntry> changed, IReadOnlyCollection<string> removed, DateTimeOffset? keptUntil);
}

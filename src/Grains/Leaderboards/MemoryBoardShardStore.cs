using System.Collections.Immutable;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces.Leaderboards;

namespace Loyalty.Grains.Leaderboards;

/// <summary>
/// The embedded profile's board store: each shard's entries are held by a memory grain of their own, so they
/// survive the shard's deactivation and its moving to another silo, as Orleans' memory grain storage does.
/// </summary>
public sealed class MemoryBoardShardStore(IGrainFactory grains) : IBoardShardStore
{
    public async Task<IReadOnlyList<BoardEntry>> Load(string shardKey) =>
        [.. (await grains.GetGrain<IBoardShardMemoryGrain>(shardKey).Load()).Select(u => new BoardEntry(u.MemberId, u.Score, u.ReachedAt, u.Version))];

    public Task Save(string shardKey, IReadOnlyCollection<BoardEntry> changed, IReadOnlyCollection<string> removed, DateTimeOffset? keptUntil) =>
        grains.GetGrain<IBoardShardMemoryGrain>(shardKey)
            .Save([.. changed.Select(e => new ScoreUpdate(e.MemberId, e.Score, e.ReachedAt, e.Version))], [.. removed], keptUntil);
}

/// <summary>Holds one board shard's stored entries in memory (key: the shard's key).</summary>
public interface IBoardShardMemoryGrain : IGrainWithStringKey
{
    Task<ImmutableArray<ScoreUpdate>> Load();

    Task Save(ImmutableArray<ScoreUpdate> changed, ImmutableArray<string> removed, DateTimeOffset? keptUntil);
}

/// <summary>Kept alive: it is the storage, so idle collection would lose the entries.</summary>
[Orleans.Placement.PreferLocalPlacement, KeepAlive]
public sealed class BoardShardMemoryGrain([FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock) : Grain, IBoardShardMemoryGrain
{
    private readonly Dictionary<string, ScoreUpdate> entries = new(StringComparer.Ordinal);
    private DateTimeOffset? keptUntil;

    public Task<ImmutableArray<ScoreUpdate>> Load()
    {
        if (keptUntil <= clock.GetUtcNow())
        {
            entries.Clear();
        }

        return Task.FromResult<ImmutableArray<ScoreUpdate>>([.. entries.Values]);
    }

    public Task Save(ImmutableArray<ScoreUpdate> changed, ImmutableArray<string> removed, DateTimeOffset? until)
    {
        keptUntil = until;
        foreach (var entry in changed)
        {
            entries[entry.MemberId] = entry;
        }

        foreach (var member in removed)
        {
            entries.Remove(member);
        }

        return Task.CompletedTask;
    }
}

using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Loyalty.Grains.Interfaces.Leaderboards;

/// <summary>
/// One shard of a board in one period (key <c>{program}/{board}/{period}/{shard}</c>): the members that hash to it,
/// in exact order. The board's reader combines every shard's answers into exact global ranks.
/// </summary>
public interface ILeaderboardShard : IGrainWithStringKey
{
    /// <summary>
    /// Applies absolute scores (an update older than the one held for a member is ignored). Completes at once, or
    /// once the updates are stored where events are durable. Interleaves, so waiting for a write holds up nothing.
    /// </summary>
    [AlwaysInterleave]
    Task Apply(ImmutableArray<ScoreUpdate> updates);

    [AlwaysInterleave]
    Task<ImmutableArray<ShardEntry>> Top(int count);

    [AlwaysInterleave]
    Task<ShardEntry?> Find(string memberId);

    /// <summary>How many of this shard's members rank above <paramref name="position"/>, and its k nearest either side.</summary>
    [AlwaysInterleave]
    Task<ShardNeighbourhood> Around(ShardEntry position, int k);
}

/// <summary>A member's place in board order: score, then the time it was reached, then member id.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.shard-entry")]
public sealed record ShardEntry(
    [property: Id(0)] string MemberId,
    [property: Id(1)] long Score,
    [property: Id(2)] DateTimeOffset ReachedAt);

[GenerateSerializer, Immutable, Alias("loyalty.shard-neighbourhood")]
public sealed record ShardNeighbourhood(
    [property: Id(0)] int Above,
    [property: Id(1)] ImmutableArray<ShardEntry> Before,
    [property: Id(2)] ImmutableArray<ShardEntry> After);

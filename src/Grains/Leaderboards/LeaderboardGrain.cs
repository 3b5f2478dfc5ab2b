using System.Collections.Immutable;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Leaderboards;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Loyalty.Grains.Leaderboards;

/// <summary>
/// Answers reads of a board by asking all its shards at once and merging their answers into exact global ranks.
/// Stateless, so each silo has its own and reads never queue behind one grain.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class LeaderboardGrain(IOptions<LeaderboardOptions> options) : Grain, ILeaderboardGrain
{
    public async Task<ImmutableArray<RankedScore>> Top(int count)
    {
        var tops = await Task.WhenAll(Shards().Select(shard => shard.Top(count)));
        return [.. ShardedRanking.Top(tops.Select(top => top.ToRankedEntries()), count).Select(e => e.ToRankedScore())];
    }

    public async Task<MemberStanding?> Standing(string memberId, int around)
    {
        var shards = Shards();
        var own = await shards[StableBucket.Of(memberId, shards.Count)].Find(memberId);
        if (own is null)
        {
            return null;
        }

        var neighbourhoods = await Task.WhenAll(shards.Select(shard => shard.Around(own, around)));
        var standing = ShardedRanking.Standing(own.ToRankedEntry(), [.. neighbourhoods.Select(n => n.ToNeighbours())], around);
        return new MemberStanding(standing.Rank, own.Score, [.. standing.Around.Select(e => e.ToRankedScore())]);
    }

    private List<ILeaderboardShard> Shards()
    {
        var boardKey = this.GetPrimaryKeyString();
        return [.. Enumerable.Range(0, options.Value.Shards).Select(i => GrainFactory.GetGrain<ILeaderboardShard>(GrainKeys.LeaderboardShard(boardKey, i)))];
    }
}

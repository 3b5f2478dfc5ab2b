using Loyalty.Grains.Interfaces.Rewards;

namespace Loyalty.Grains.Rewards;

/// <summary>
/// A program's reward ids, sorted (ordinal), stored on every addition. Bounded by <see cref="MaxRewards"/>, so the
/// index stays one small state whatever an admin script does.
/// </summary>
public sealed class RewardCatalogueGrain(
    [PersistentState("reward-catalogue", StorageNames.Loyalty)] IPersistentState<RewardCatalogueGrain.Catalogue> state)
    : Grain, IRewardCatalogueGrain
{
    private const int MaxRewards = IRewardCatalogueGrain.MaxRewards;

    public async Task<bool> Register(string rewardId)
    {
        var ids = state.State.RewardIds;
        var at = ids.BinarySearch(rewardId, StringComparer.Ordinal);
        if (at >= 0)
        {
            return true;
        }

        if (ids.Count >= MaxRewards)
        {
            return false;
        }

        ids.Insert(~at, rewardId);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored: forget it, so the reward's retry registers it again.
            ids.RemoveAt(~at);
            throw;
        }

        return true;
    }

    public Task<RewardIdPage> Page(int offset, int limit)
    {
        var ids = state.State.RewardIds;
        return Task.FromResult(new RewardIdPage(ids.Count, [.. ids.Skip(offset).Take(limit)]));
    }

    public sealed class Catalogue
    {
        public List<string> RewardIds { get; set; } = [];
    }
}

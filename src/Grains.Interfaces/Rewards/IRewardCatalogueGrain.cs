using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Loyalty.Grains.Interfaces.Rewards;

/// <summary>
/// The ids of every reward a program has defined (key <c>{program}</c>), in id order: what lets the catalogue be
/// listed without scanning storage. A reward registers itself here before it stores its first definition.
/// </summary>
public interface IRewardCatalogueGrain : IGrainWithStringKey
{
    /// <summary>The most rewards a program holds, so the whole catalogue lists in one read.</summary>
    const int MaxRewards = 10_000;

    /// <summary>Adds the id if it is new; false when the catalogue is full and the id is not in it. Safe to repeat.</summary>
    Task<bool> Register(string rewardId);

    /// <summary>The ids from <paramref name="offset"/>, at most <paramref name="limit"/>, with how many there are.</summary>
    [ReadOnly]
    Task<RewardIdPage> Page(int offset, int limit);
}

[GenerateSerializer, Immutable, Alias("loyalty.reward-id-page")]
public sealed record RewardIdPage([property: Id(0)] int Total, [property: Id(1)] ImmutableArray<string> RewardIds);

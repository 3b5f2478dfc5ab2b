using Orleans.Concurrency;

namespace Loyalty.Grains.Interfaces.Rewards;

/// <summary>
/// One reward of a program's catalogue (key <c>{program}/{reward}</c>): its definition and its stock. Every unit
/// issued is held by one redemption id, so each step of a redemption can be repeated safely.
/// </summary>
public interface IRewardGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores a definition the caller has validated (its Remaining is ignored) as the next version, listing the reward
    /// in its program's catalogue first; answers it with the stock left. With <paramref name="expectedVersion"/>,
    /// refuses if the reward is at another version (0: not defined yet).
    /// </summary>
    Task<RewardConfigured> Configure(RewardSnapshot definition, int? expectedVersion = null);

    /// <summary>The definition with the stock left, or null for a reward never defined.</summary>
    [AlwaysInterleave]
    Task<RewardSnapshot?> Get();

    /// <summary>
    /// Holds one unit for the redemption if the reward is valid now, in stock, under the member's limit and within
    /// <paramref name="affordablePoints"/> (the member's available points).
    /// </summary>
    Task<Reservation> Reserve(string redemptionId, string memberId, long affordablePoints);

    /// <summary>The member paid. False when the hold had been released meanwhile.</summary>
    Task<bool> Complete(string redemptionId);

    /// <summary>Gives the unit back. False when no unit was held.</summary>
    Task<bool> Release(string redemptionId);

    /// <summary>
    /// Takes the member's name off their holds (erasure): the units stay issued, anonymous, so the stock stays true.
    /// </summary>
    Task ForgetMember(string memberId);
}

[GenerateSerializer, Immutable, Alias("loyalty.reward")]
public sealed record RewardSnapshot(
    [property: Id(0)] string Name,
    [property: Id(1)] long CostPoints,
    [property: Id(2)] int Stock,
    [property: Id(3)] int? PerMemberLimit,
    [property: Id(4)] DateTimeOffset? ValidFrom,
    [property: Id(5)] DateTimeOffset? ValidTo,
    [property: Id(6)] int Remaining,
    [property: Id(7)] int Version = 0);

[GenerateSerializer, Immutable, Alias("loyalty.reservation")]
public sealed record Reservation([property: Id(0)] ReservationStatus Status, [property: Id(1)] long CostPoints);

public enum ReservationStatus
{
    Reserved,
    NotFound,
    OutOfStock,
    LimitReached,
    NotValidNow,
    RedemptionIdTaken,
    InsufficientPoints,
}

/// <summary>What became of a definition: stored (Reward is the new version), or refused (Reward is the current one, if any).</summary>
[GenerateSerializer, Immutable, Alias("loyalty.reward-configured")]
public sealed record RewardConfigured(
    [property: Id(0)] RewardSnapshot? Reward,
    [property: Id(1)] bool Created,
    [property: Id(2)] RewardConfigureStatus Status = RewardConfigureStatus.Saved);

public enum RewardConfigureStatus
{
    Saved,
    VersionConflict,
    CatalogueFull,
}

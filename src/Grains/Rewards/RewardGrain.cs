using Loyalty.Domain;
using Microsoft.Extensions.Options;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Members;
using Loyalty.Grains.Interfaces.Rewards;

namespace Loyalty.Grains.Rewards;

/// <summary>
/// A reward's definition and stock; one activation serialises every reservation, so stock can never go below zero.
/// Each change is stored before it is answered. A reservation the member never completed (its grain stopped
/// mid-way) is settled after <see cref="RewardOptions.SettleAfter"/> by asking the member whether it paid.
/// </summary>
public sealed class RewardGrain(
    [PersistentState("reward", StorageNames.Loyalty)] IPersistentState<RewardStock> state,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock,
    IOptions<RewardOptions> options,
    ILogger<RewardGrain> logger)
    : Grain, IRewardGrain
{
    private TimeSpan SettleAfter => options.Value.SettleAfter;

    private string programId = "";
    private string rewardId = "";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (programId, rewardId) = GrainKeys.SplitProgram(this.GetPrimaryKeyString());
        this.RegisterGrainTimer(CompleteOrReleaseUnfinishedHolds, new GrainTimerCreationOptions(SettleAfter, SettleAfter) { Interleave = false });
        return Task.CompletedTask;
    }

    public async Task<RewardConfigured> Configure(RewardSnapshot definition, int? expectedVersion)
    {
        if (expectedVersion is { } expected && expected != state.State.Version)
        {
            return new RewardConfigured(state.RecordExists ? Snapshot() : null, Created: false, RewardConfigureStatus.VersionConflict);
        }

        // Listed before it is stored (on every change, which is idempotent): a failure in between leaves an id whose
        // reward the list skips, never a stored reward the list misses.
        if (!await GrainFactory.GetGrain<IRewardCatalogueGrain>(GrainKeys.RewardCatalogue(programId)).Register(rewardId))
        {
            return new RewardConfigured(null, Created: false, RewardConfigureStatus.CatalogueFull);
        }

        var created = !state.RecordExists;
        state.State.Definition = new RewardDefinition
        {
            Name = definition.Name,
            CostPoints = definition.CostPoints,
            Stock = definition.Stock,
            PerMemberLimit = definition.PerMemberLimit,
            ValidFrom = definition.ValidFrom,
            ValidTo = definition.ValidTo,
        };
        state.State.Version++;
        await state.WriteStateAsync();
        return new RewardConfigured(Snapshot(), created);
    }

    public Task<RewardSnapshot?> Get() => Task.FromResult(state.RecordExists ? Snapshot() : null);

    public async Task<Reservation> Reserve(string redemptionId, string memberId, long affordablePoints)
    {
        if (!state.RecordExists)
        {
            return new Reservation(ReservationStatus.NotFound, 0);
        }

        var result = state.State.Reserve(redemptionId, memberId, affordablePoints, clock.GetUtcNow());
        if (result.Status == ReserveStatus.Reserved)
        {
            await state.WriteStateAsync();
        }

        return new Reservation(result.Status switch
        {
            ReserveStatus.Reserved => ReservationStatus.Reserved,
            ReserveStatus.OutOfStock => ReservationStatus.OutOfStock,
            ReserveStatus.LimitReached => ReservationStatus.LimitReached,
            ReserveStatus.NotValidNow => ReservationStatus.NotValidNow,
            ReserveStatus.InsufficientPoints => ReservationStatus.InsufficientPoints,
            _ => ReservationStatus.RedemptionIdTaken,
        }, result.CostPoints);
    }

    public async Task<bool> Complete(string redemptionId)
    {
        if (!state.State.Complete(redemptionId))
        {
            return false;
        }

        await state.WriteStateAsync();
        return true;
    }

    public async Task<bool> Release(string redemptionId)
    {
        if (!state.State.Release(redemptionId))
        {
            return false;
        }

        await state.WriteStateAsync();
        return true;
    }

    public async Task ForgetMember(string memberId)
    {
        if (state.State.ForgetMember(memberId, () => $"erased-{Guid.NewGuid():N}"))
        {
            await state.WriteStateAsync();
        }
    }

    /// <summary>Completes each hold left unfinished whose member paid, and releases the others.</summary>
    private async Task CompleteOrReleaseUnfinishedHolds()
    {
        foreach (var (redemptionId, hold) in state.State.Unfinished(clock.GetUtcNow(), SettleAfter))
        {
            try
            {
                var member = GrainFactory.GetGrain<IMemberGrain>(GrainKeys.Member(programId, hold.MemberId));
                var paid = await member.HasRedemption(redemptionId);
                _ = paid ? state.State.Complete(redemptionId) : state.State.Release(redemptionId);
                await state.WriteStateAsync();
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Settling redemption {RedemptionId} of {Reward} failed; retrying later", redemptionId, this.GetPrimaryKeyString());
            }
        }
    }

    private RewardSnapshot Snapshot()
    {
        var d = state.State.Definition;
        return new RewardSnapshot(d.Name, d.CostPoints, d.Stock, d.PerMemberLimit, d.ValidFrom, d.ValidTo, state.State.Remaining, state.State.Version);
    }
}

using System.Collections.Immutable;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces.Kpis;
using Microsoft.Extensions.Options;

namespace Loyalty.Grains.Kpis;

/// <summary>
/// One slice of a program's KPI totals. Changes show in reads at once. Where events are durable, they are written as
/// soon as no write is in flight, with whatever else arrived meanwhile (otherwise every
/// <see cref="KpiOptions.PersistInterval"/>, which also retries a failed write), and <see cref="Apply"/> completes only
/// once they are stored, so a member forgets a change only after its slice stored it. A change is applied once: its id
/// is remembered for a bounded window, and a change created before that window is one a member handed already.
/// </summary>
public sealed class KpiSliceGrain(
    [PersistentState("kpis", StorageNames.Loyalty)] IPersistentState<KpiSliceState> state,
    IOptions<KpiOptions> options,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock,
    ILogger<KpiSliceGrain> logger)
    : Grain, IKpiSliceGrain
{
    private KpiAggregate totals = new();
    private RecentSet<string, KpiSeenChange> recentIds = new([], seen => seen.Id);
    private bool changed;
    private GroupCommit? commit;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        totals = state.State.Totals.FromData();
        recentIds = new(state.State.RecentIds, seen => seen.Id, StringComparer.Ordinal);
        commit = new GroupCommit(() => changed, Write, e =>
            logger.LogWarning("KPI slice {Slice} could not store its totals: {Error}", this.GetPrimaryKeyString(), e.Message));
        var interval = options.Value.PersistInterval;
        this.RegisterGrainTimer(Commit.WriteNow, new GrainTimerCreationOptions(interval, interval) { Interleave = true });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await Commit.WriteNow();
        }
        catch (Exception e)
        {
            // Members waiting on this write were told it failed and hand their changes again.
            logger.LogWarning("KPI slice {Slice} not persisted on deactivation ({Reason}): {Error}", this.GetPrimaryKeyString(), reason, e.Message);
        }
    }

    public async Task Apply(ImmutableArray<KpiChangeData> changes)
    {
        var daysKept = options.Value.DaysKept;
        foreach (var change in changes)
        {
            if (change.CreatedAt <= state.State.Horizon || !recentIds.Add(new KpiSeenChange(change.Id, change.CreatedAt)))
            {
                continue;
            }

            totals.Apply(change.FromData(), daysKept);
            changed = true;
        }

        ForgetOldIds();
        if (options.Value.StoreBeforeAcknowledge)
        {
            await Commit.Stored(changed);
        }
    }

    public Task<KpiSliceData> Read() => Task.FromResult(totals.ToData());

    /// <summary>Ids beyond the window are forgotten; the horizon moves to the newest of them, so none is taken again.</summary>
    private void ForgetOldIds()
    {
        var before = clock.GetUtcNow() - options.Value.RecentIdsFor;
        var items = recentIds.Items;
        var forgotten = 0;
        while (forgotten < items.Count && (items.Count - forgotten > options.Value.RecentIdsKept || items[forgotten].CreatedAt < before))
        {
            if (items[forgotten].CreatedAt > state.State.Horizon)
            {
                state.State.Horizon = items[forgotten].CreatedAt;
            }

            forgotten++;
        }

        recentIds.DropOldest(items.Count - forgotten);
    }

    private GroupCommit Commit => commit ?? throw new InvalidOperationException("The slice is not active.");

    /// <summary>Writes the totals; what changes while the write is in flight goes with the next.</summary>
    private async Task Write()
    {
        changed = false;
        try
        {
            state.State.Totals = totals.ToData();
            await state.WriteStateAsync();
        }
        catch
        {
            changed = true;
            throw;
        }
    }
}

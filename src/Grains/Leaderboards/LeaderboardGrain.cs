using System.Collections.Immutable;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces.Leaderboards;

namespace Loyalty.Grains.Leaderboards;

/// <summary>
/// One board in one period. Updates are absolute and versioned, so they are idempotent and order-tolerant. They show
/// in reads at once, and are written in groups every <see cref="LeaderboardOptions.PersistInterval"/>; <see cref="Apply"/> completes
/// only once its updates are stored, so a member's stream entry is acknowledged only after its scores are durable.
/// </summary>
public sealed class LeaderboardGrain(
    [PersistentState("leaderboard", StorageNames.Loyalty)] IPersistentState<LeaderboardState> state,
    Microsoft.Extensions.Options.IOptions<LeaderboardOptions> options,
    ILogger<LeaderboardGrain> logger)
    : Grain, ILeaderboardGrain
{
    private RankedBoard board = new();
    private TaskCompletionSource nextWrite = NewWrite();
    private Task? writeInFlight;
    private bool dirty;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        board = RankedBoard.Import(state.State.Entries);
        var interval = options.Value.PersistInterval;
        this.RegisterGrainTimer(Persist, new GrainTimerCreationOptions(interval, interval) { Interleave = true });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await Persist();
        }
        catch (Exception e)
        {
            // Callers waiting on this write were told it failed and resend; nothing is lost.
            logger.LogWarning("Leaderboard {Board} not persisted on deactivation ({Reason}): {Error}", this.GetPrimaryKeyString(), reason, e.Message);
        }
    }

    public Task Apply(ImmutableArray<ScoreUpdate> updates)
    {
        foreach (var update in updates)
        {
            dirty |= board.Set(update.MemberId, update.Score, update.ReachedAt, update.Version);
        }

        if (!options.Value.StoreBeforeAcknowledge)
        {
            return Task.CompletedTask;
        }

        // An update that changed nothing still waits for the write in flight: the newer score it lost to may be unwritten.
        return dirty ? nextWrite.Task : writeInFlight ?? Task.CompletedTask;
    }

    public Task<ImmutableArray<RankedScore>> Top(int count) =>
        Task.FromResult(board.Top(count).Select(ToRankedScore).ToImmutableArray());

    public Task<MemberStanding?> Standing(string memberId, int around)
    {
        var entry = board.Find(memberId);
        return Task.FromResult(entry is null
            ? null
            : new MemberStanding(entry.Rank, entry.Score, [.. board.Around(memberId, around).Select(ToRankedScore)]));
    }

    /// <summary>Writes the board if it changed, then releases everyone who waited for that write.</summary>
    private async Task Persist()
    {
        if (!dirty || writeInFlight is not null)
        {
            return;
        }

        var completing = nextWrite;
        nextWrite = NewWrite();
        dirty = false;
        writeInFlight = completing.Task;
        try
        {
            state.State.Entries = [.. board.Export()];
            await state.WriteStateAsync();
            completing.SetResult();
        }
        catch (Exception e)
        {
            dirty = true;
            completing.SetException(e);
            throw;
        }
        finally
        {
            writeInFlight = null;
        }
    }

    private static TaskCompletionSource NewWrite() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static RankedScore ToRankedScore(RankedEntry entry) => new(entry.Rank, entry.MemberId, entry.Score);
}

using System.Collections.Immutable;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces.Leaderboards;

namespace Loyalty.Grains.Leaderboards;

/// <summary>
/// One board in one period. Updates are absolute and versioned, so they are idempotent and order-tolerant; the
/// board is written behind, at most every <see cref="PersistInterval"/>, because it can always be rebuilt from members.
/// </summary>
public sealed class LeaderboardGrain(
    [PersistentState("leaderboard", StorageNames.Loyalty)] IPersistentState<LeaderboardState> state,
    ILogger<LeaderboardGrain> logger)
    : Grain, ILeaderboardGrain
{
    private static readonly TimeSpan PersistInterval = TimeSpan.FromSeconds(2);

    private RankedBoard board = new();
    private bool dirty;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        board = RankedBoard.Import(state.State.Entries);
        this.RegisterGrainTimer(PersistIfDirty, new GrainTimerCreationOptions(PersistInterval, PersistInterval));
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await PersistIfDirty();
        }
        catch (Exception e)
        {
            // Nothing is lost for good: the board is derived, and members republish their scores on their next change.
            logger.LogWarning("Leaderboard {Board} not persisted on deactivation ({Reason}): {Error}", this.GetPrimaryKeyString(), reason, e.Message);
        }
    }

    public Task Apply(ImmutableArray<ScoreUpdate> updates)
    {
        foreach (var update in updates)
        {
            dirty |= board.Set(update.MemberId, update.Score, update.ReachedAt, update.Version);
        }

        return Task.CompletedTask;
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

    private async Task PersistIfDirty()
    {
        if (!dirty)
        {
            return;
        }

        dirty = false;
        state.State.Entries = [.. board.Export()];
        await state.WriteStateAsync();
    }

    private static RankedScore ToRankedScore(RankedEntry entry) => new(entry.Rank, entry.MemberId, entry.Score);
}

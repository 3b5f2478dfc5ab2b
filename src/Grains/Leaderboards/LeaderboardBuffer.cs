using System.Collections.Immutable;
using Loyalty.Grains.Interfaces.Leaderboards;
using Orleans.Concurrency;

namespace Loyalty.Grains.Leaderboards;

/// <summary>
/// Pre-aggregates score updates on each silo: keeps only the newest update per member and board, and forwards
/// them every <see cref="FlushInterval"/> in one call per board, so a hot board sees few large calls instead of
/// one call per member change.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class LeaderboardBuffer(ILogger<LeaderboardBuffer> logger) : Grain, ILeaderboardBuffer
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(20);

    private Dictionary<(string Board, string Member), ScoreUpdate> pending = [];
    private bool flushing;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions(FlushInterval, FlushInterval) { Interleave = true });
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Flush();

    public Task Submit(ImmutableArray<BoardScoreUpdate> updates)
    {
        foreach (var update in updates)
        {
            Keep(update.BoardKey, update.Update);
        }

        return Task.CompletedTask;
    }

    private async Task Flush()
    {
        if (flushing || pending.Count == 0)
        {
            return;
        }

        flushing = true;
        var batch = pending;
        pending = [];
        try
        {
            await Task.WhenAll(batch
                .GroupBy(entry => entry.Key.Board, entry => entry.Value)
                .Select(board => Forward(board.Key, [.. board])));
        }
        finally
        {
            flushing = false;
        }
    }

    private async Task Forward(string boardKey, ImmutableArray<ScoreUpdate> updates)
    {
        try
        {
            await GrainFactory.GetGrain<ILeaderboardGrain>(boardKey).Apply(updates);
        }
        catch (Exception e)
        {
            // Put them back for the next flush; a newer update that arrived meanwhile wins.
            logger.LogWarning(e, "Forwarding {Count} scores to {Board} failed; retrying on next flush", updates.Length, boardKey);
            foreach (var update in updates)
            {
                Keep(boardKey, update);
            }
        }
    }

    private void Keep(string boardKey, ScoreUpdate update)
    {
        var key = (boardKey, update.MemberId);
        if (!pending.TryGetValue(key, out var held) || held.Version < update.Version)
        {
            pending[key] = update;
        }
    }
}

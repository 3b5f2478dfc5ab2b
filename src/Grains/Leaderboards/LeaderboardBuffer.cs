using System.Collections.Immutable;
using Loyalty.Grains.Interfaces.Leaderboards;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Loyalty.Grains.Leaderboards;

/// <summary>
/// Pre-aggregates score updates on each silo: keeps only the newest update per member and board, and forwards them
/// every <see cref="FlushInterval"/> in one call per board, so a hot board sees few large calls instead of one call
/// per member change. <see cref="Submit"/> completes when the boards have stored the updates; a failed forward is
/// retried with the next flush, and its submitters wait for that one.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class LeaderboardBuffer(IOptions<LeaderboardOptions> options, ILogger<LeaderboardBuffer> logger) : Grain, ILeaderboardBuffer
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(20);

    private Dictionary<(string Board, string Member), ScoreUpdate> pending = [];
    private TaskCompletionSource nextFlush = NewFlush();
    private bool flushing;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions(FlushInterval, FlushInterval) { Interleave = true });
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Flush();

    public Task Submit(ImmutableArray<BoardScoreUpdate> updates)
    {
        if (updates.IsEmpty)
        {
            return Task.CompletedTask;
        }

        foreach (var update in updates)
        {
            Keep(update.BoardKey, update.Update);
        }

        return options.Value.StoreBeforeAcknowledge ? nextFlush.Task : Task.CompletedTask;
    }

    private async Task Flush()
    {
        if (flushing || pending.Count == 0)
        {
            return;
        }

        flushing = true;
        var batch = pending;
        var done = nextFlush;
        pending = [];
        nextFlush = NewFlush();
        try
        {
            var failed = (await Task.WhenAll(batch
                .GroupBy(entry => entry.Key.Board, entry => entry.Value)
                .Select(board => Forward(board.Key, [.. board])))).Count(ok => !ok);
            if (failed == 0)
            {
                done.SetResult();
            }
            else
            {
                // Their updates are back in pending: the submitters now wait for the next flush.
                _ = nextFlush.Task.ContinueWith(next => done.TrySetFromTask(next), TaskScheduler.Default);
            }
        }
        finally
        {
            flushing = false;
        }
    }

    private async Task<bool> Forward(string boardKey, ImmutableArray<ScoreUpdate> updates)
    {
        try
        {
            await GrainFactory.GetGrain<ILeaderboardGrain>(boardKey).Apply(updates);
            return true;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Forwarding {Count} scores to {Board} failed; retrying on next flush", updates.Length, boardKey);
            foreach (var update in updates)
            {
                Keep(boardKey, update);
            }

            return false;
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

    private static TaskCompletionSource NewFlush() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

using System.Collections.Immutable;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Leaderboards;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Loyalty.Grains.Leaderboards;

/// <summary>
/// Pre-aggregates score updates on each silo: keeps only the newest update per member and board, and forwards them
/// every <see cref="LeaderboardOptions.FlushInterval"/> in one call per board shard, so a hot board sees few large
/// calls instead of one call per member change. <see cref="Submit"/> completes when the boards have stored the updates; a failed forward is
/// retried with the next flush, and its submitters wait for that one.
/// </summary>
[StatelessWorker, Reentrant]
public sealed class LeaderboardBuffer(IOptions<LeaderboardOptions> options, ILogger<LeaderboardBuffer> logger) : Grain, ILeaderboardBuffer
{
    // Keyed by shard, then member: a flush sends each shard's map as it is.
    private Dictionary<string, Dictionary<string, ScoreUpdate>> pending = new(StringComparer.Ordinal);
    private TaskCompletionSource nextFlush = NewFlush();
    private bool flushing;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var interval = options.Value.FlushInterval;
        this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions(interval, interval) { Interleave = true });
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Flush();

    public Task Submit(ImmutableArray<BoardScoreUpdate> updates) => Hold(updates, options.Value.StoreBeforeAcknowledge);

    public Task SubmitAndWait(ImmutableArray<BoardScoreUpdate> updates) => Hold(updates, waitForBoards: true);

    private Task Hold(ImmutableArray<BoardScoreUpdate> updates, bool waitForBoards)
    {
        if (updates.IsEmpty)
        {
            return Task.CompletedTask;
        }

        foreach (var update in updates)
        {
            HoldForNextFlush(update.BoardKey, update.Update);
        }

        return waitForBoards ? nextFlush.Task : Task.CompletedTask;
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
            var failed = (await Task.WhenAll(batch.Select(shard => Forward(shard.Key, [.. shard.Value.Values])))).Count(ok => !ok);
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

    private async Task<bool> Forward(string shardKey, ImmutableArray<ScoreUpdate> updates)
    {
        try
        {
            await GrainFactory.GetGrain<ILeaderboardShard>(shardKey).Apply(updates);
            return true;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Forwarding {Count} scores to {Shard} failed; retrying on next flush", updates.Length, shardKey);
            foreach (var update in updates)
            {
                HoldNewestForShard(shardKey, update);
            }

            return false;
        }
    }

    /// <summary>Holds an update for the next flush, under the shard of the board its member belongs to.</summary>
    private void HoldForNextFlush(string boardKey, ScoreUpdate update) =>
        HoldNewestForShard(GrainKeys.LeaderboardShard(boardKey, StableBucket.Of(update.MemberId, options.Value.Shards)), update);

    /// <summary>Holds an update for the shard unless a newer one of the same member is held already.</summary>
    private void HoldNewestForShard(string shardKey, ScoreUpdate update)
    {
        if (!pending.TryGetValue(shardKey, out var members))
        {
            pending[shardKey] = members = new(StringComparer.Ordinal);
        }

        if (!members.TryGetValue(update.MemberId, out var held) || held.Version < update.Version)
        {
            members[update.MemberId] = update;
        }
    }

    private static TaskCompletionSource NewFlush() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

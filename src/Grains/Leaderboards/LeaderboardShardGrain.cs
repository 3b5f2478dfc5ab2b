using System.Collections.Immutable;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Leaderboards;
using Loyalty.Grains.Programs;
using Loyalty.Client.Programs;
using Microsoft.Extensions.Options;

namespace Loyalty.Grains.Leaderboards;

/// <summary>
/// One shard of a board in one period. Updates are absolute and versioned, so they are idempotent and
/// order-tolerant. They show in reads at once. Where events are durable, the entries they changed are written as soon as
/// no write is in flight, together with whatever else changed meanwhile (otherwise every
/// <see cref="LeaderboardOptions.PersistInterval"/>, which also retries a failed write), and <see cref="Apply"/> completes only
/// once its updates are stored, so a member's stream entry is acknowledged only after its scores are.
/// A period past its retention takes no more updates, and the store forgets it.
/// </summary>
public sealed class LeaderboardShardGrain(
    IBoardShardStore store,
    ProgramRulesCache programs,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock,
    IOptions<LeaderboardOptions> options,
    ILogger<LeaderboardShardGrain> logger)
    : Grain, ILeaderboardShard
{
    private RankedBoard board = new();
    // Null: the member was erased, so the store forgets their entry.
    private Dictionary<string, BoardEntry?> changed = new(StringComparer.Ordinal);
    private GroupCommit? commit;
    private string programId = "";
    private string period = "";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (programId, _, period, _) = GrainKeys.SplitLeaderboardShard(this.GetPrimaryKeyString());
        board = RankedBoard.Import(await store.Load(this.GetPrimaryKeyString()));
        commit = new GroupCommit(() => changed.Count > 0, Persist, e =>
            logger.LogWarning("Leaderboard shard {Shard} could not store its scores: {Error}", this.GetPrimaryKeyString(), e.Message));
        var interval = options.Value.PersistInterval;
        this.RegisterGrainTimer(Commit.WriteNow, new GrainTimerCreationOptions(interval, interval) { Interleave = true });
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await Commit.WriteNow();
        }
        catch (Exception e)
        {
            // Callers waiting on this write were told it failed and resend; nothing is lost.
            logger.LogWarning("Leaderboard shard {Shard} not persisted on deactivation ({Reason}): {Error}", this.GetPrimaryKeyString(), reason, e.Message);
        }
    }

    public async Task Apply(ImmutableArray<ScoreUpdate> updates)
    {
        if (await KeptUntil() <= clock.GetUtcNow())
        {
            return; // a closed period: late scores no longer count
        }

        foreach (var update in updates)
        {
            if (update.Erased)
            {
                board.Remove(update.MemberId);
                changed[update.MemberId] = null;
            }
            else if (board.Set(update.MemberId, update.Score, update.ReachedAt, update.Version))
            {
                changed[update.MemberId] = new BoardEntry(update.MemberId, update.Score, update.ReachedAt, update.Version);
            }
        }

        if (options.Value.StoreBeforeAcknowledge)
        {
            // An update that changed nothing still waits for the write in flight: the newer score it lost to may be unwritten.
            await Commit.Stored(changed.Count > 0);
        }
    }

    public Task<ImmutableArray<ShardEntry>> Top(int count) => Task.FromResult(board.Top(count).ToShardEntries());

    public Task<ShardEntry?> Find(string memberId) => Task.FromResult(board.Find(memberId)?.ToShardEntry());

    public Task<ShardNeighbourhood> Around(ShardEntry position, int k)
    {
        var neighbours = ShardedRanking.Neighbours(board, position.ToPosition(), k);
        return Task.FromResult(new ShardNeighbourhood(neighbours.Above, neighbours.Before.ToShardEntries(), neighbours.After.ToShardEntries()));
    }

    private GroupCommit Commit => commit ?? throw new InvalidOperationException("The shard is not active.");

    /// <summary>Writes the entries that changed; on failure they wait for the next write.</summary>
    private async Task Persist()
    {
        var writing = changed;
        changed = new(StringComparer.Ordinal);
        try
        {
            await store.Save(
                this.GetPrimaryKeyString(),
                [.. writing.Values.OfType<BoardEntry>()],
                [.. writing.Where(entry => entry.Value is null).Select(entry => entry.Key)],
                await KeptUntil());
        }
        catch
        {
            // Put back what was not stored, unless a newer version of the member changed meanwhile.
            foreach (var (member, entry) in writing)
            {
                changed.TryAdd(member, entry);
            }

            throw;
        }
    }

    private async ValueTask<DateTimeOffset?> KeptUntil() =>
        await programs.Get(programId) is { } rules
            ? PeriodKeys.KeptUntil(period, rules.Zone, rules.Config.LeaderboardRetention)
            : null;
}

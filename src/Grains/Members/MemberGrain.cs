using System.Collections.Immutable;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Challenges;
using Loyalty.Grains.Interfaces.DeadLetters;
using Loyalty.Grains.Interfaces.Events;
using Loyalty.Grains.Interfaces.Leaderboards;
using Loyalty.Grains.Interfaces.Members;
using Loyalty.Grains.Notifications;
using Loyalty.Grains.Programs;
using Loyalty.Client.Programs;
using Loyalty.Grains.Scheduling;
using Microsoft.Extensions.Options;
using Loyalty.Client.Telemetry;

namespace Loyalty.Grains.Members;

/// <summary>
/// Applies one member's events in order through the rule book, persists once per delivered batch, then publishes
/// absolute scores to the leaderboards. Being the only writer of its state, it needs no locks.
/// </summary>
public sealed partial class MemberGrain(
    [PersistentState("member", StorageNames.Loyalty)] IPersistentState<MemberAccount> state,
    ProgramRulesCache programs,
    ILedgerStore ledger,
    IOptions<NotificationOptions> notificationOptions,
    IDueWorkStore dueWork,
    IOptions<DueWorkOptions> dueWorkOptions,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock,
    ILogger<MemberGrain> logger)
    : Grain, IMemberGrain
{
    private string programId = "";
    private string memberId = "";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (programId, memberId) = GrainKeys.SplitProgram(this.GetPrimaryKeyString());
        if (!state.RecordExists)
        {
            state.State = new MemberAccount(memberId);
            dueKnown = true; // due times are set only after a write, so a member never stored has none
        }

        // Entries stored while the ledger store was away, or a state stored with its whole ledger.
        await AppendLedger();
    }

    public async Task<MemberSnapshot?> GetSnapshot()
    {
        if (!state.RecordExists)
        {
            return null;
        }

        // A read never writes: what time has made due is shown, and stored with the member's next change or reminder.
        var rules = await RequireRules();
        var now = clock.GetUtcNow();
        state.State.ApplyDueWork(rules.Config, now);
        return state.State.View(rules.Config, now, rules.Challenges).ToSnapshot(programId);
    }

    public async Task ApplyEvents(ImmutableArray<MemberEvent> events)
    {
        var rules = await RequireRules();
        var now = clock.GetUtcNow();
        var earnedBefore = state.State.Points.LifetimeEarned;
        var failed = new Dictionary<string, string>(StringComparer.Ordinal);
        var applied = ApplyInOrder(events, failed, rules, now);
        while (applied.FailedMidway is { } failure)
        {
            // The rule book failed halfway through an event: what it changed in memory cannot be trusted. Start again
            // from the stored state without that event; the events before it are applied again, exactly as before.
            logger.LogError(failure.Exception, "Member {GrainKey} failed on event {EventId}; parking it", this.GetPrimaryKeyString(), failure.EventId);
            failed[failure.EventId] = $"the rule book failed: {failure.Exception.Message}";
            await state.ReadStateAsync();
            if (!state.RecordExists)
            {
                state.State = new MemberAccount(memberId);
            }

            applied = ApplyInOrder(events, failed, rules, now);
        }

        var account = state.State;
        if (applied.Count > 0)
        {
            account.AppliedUnder(rules.Version);
        }

        if (failed.Count > 0)
        {
            // Parked before this member's effects are stored: once the delivery completes, every event is applied or parked.
            await GrainFactory.GetGrain<IDeadLetterGrain>(programId).Park(
                [.. events.Where(e => failed.ContainsKey(e.EventId)).Select(e => new DeadLetter(e, failed[e.EventId], now, now, 1))]);
        }

        var changed = account.ApplyDueWork(rules.Config, now) | applied.Count > 0;
        var periods = applied.TouchedPeriods;
        await Commit(rules, changed, periods);
        LoyaltyMetrics.EventsApplied.Add(applied.Count);
        LoyaltyMetrics.PointsIssued.Add(account.Points.LifetimeEarned - earnedBefore);

        // The stream entry is acknowledged only after this returns, so scores are stored before the events are forgotten.
        await PublishScores(periods, [.. account.Challenges.TakeChanged().Select(rules.Challenge).OfType<Challenge>()]);
    }

    private sealed record Applied(int Count, HashSet<string> TouchedPeriods, (string EventId, Exception Exception)? FailedMidway);

    /// <summary>
    /// Applies the events in order, leaving out those in <paramref name="failed"/>. An event the rule book refuses
    /// (unchanged state) joins <paramref name="failed"/>; any other failure stops the run and is answered.
    /// </summary>
    private Applied ApplyInOrder(ImmutableArray<MemberEvent> events, Dictionary<string, string> failed, ProgramRules rules, DateTimeOffset now)
    {
        var account = state.State;
        var touchedPeriods = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        foreach (var e in events)
        {
            if (failed.ContainsKey(e.EventId))
            {
                continue;
            }

            try
            {
                if (account.Apply(e.ToDomain(), rules.Config, now, rules.Challenges) == ApplyOutcome.Applied)
                {
                    count++;
                }
            }
            catch (EventNotApplicableException refusal)
            {
                failed[e.EventId] = $"{refusal.Field} {refusal.Reason}";
                continue;
            }
            catch (Exception exception)
            {
                return new Applied(count, touchedPeriods, (e.EventId, exception));
            }

            // Redelivered events count too: their scores may not have reached the boards before a crash.
            touchedPeriods.UnionWith(PeriodKeys.For(e.OccurredAt, rules.Zone));
        }

        return new Applied(count, touchedPeriods, null);
    }

    /// <summary>
    /// Ends a turn with one write. First the work other grains own a part of: placing completed challenges, handing
    /// notifications to the webhook outbox, crediting a referrer; each is idempotent there and remembered here until
    /// done, so a turn that fails before its write is simply done again from the stored state. Then the state,
    /// follow-ups included, in a single write. True when it wrote.
    /// </summary>
    private async Task<bool> Commit(ProgramRules rules, bool changed, HashSet<string> periods)
    {
        try
        {
            changed |= await PlaceCompletedChallenges(rules, periods);
            changed |= await HandNotifications(rules);
            changed |= await CreditReferrer();
            if (changed)
            {
                await AppendLedger();
                await state.WriteStateAsync();
            }
        }
        catch (Exception e)
        {
            Forget(e);
            throw;
        }

        if (changed)
        {
            await KeepDueTime();
        }

        return changed;
    }

    /// <summary>
    /// Writes the state, for turns with nothing owed elsewhere (redemption, referral codes). On failure the activation
    /// goes away before rethrowing, as in <see cref="Commit"/>.
    /// </summary>
    private async Task Persist()
    {
        try
        {
            await AppendLedger();
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            Forget(e);
            throw;
        }

        await KeepDueTime();
    }

    /// <summary>What this activation holds is ahead of what is stored: the retry must meet the stored state, which a new activation reads.</summary>
    private void Forget(Exception failure)
    {
        logger.LogWarning(failure, "Member {GrainKey} could not store its turn; deactivating to start again from the stored state", this.GetPrimaryKeyString());
        this.DeactivateOnIdle();
    }

    private Task PublishScores(IReadOnlyCollection<string> periods, IReadOnlyCollection<Challenge> challenges)
    {
        if (periods.Count == 0 && challenges.Count == 0)
        {
            return Task.CompletedTask;
        }

        var account = state.State;
        var updates = ImmutableArray.CreateBuilder<BoardScoreUpdate>(periods.Count * Boards.All.Count + challenges.Count);
        foreach (var period in periods)
        {
            if (!account.Periods.Totals.TryGetValue(period, out var totals))
            {
                continue; // a period past its retention
            }

            void Add(string board, long score) => updates.Add(new BoardScoreUpdate(
                GrainKeys.Leaderboard(programId, board, period), new ScoreUpdate(memberId, score, totals.ReachedAt, account.Version)));
            Add(Boards.Points, totals.NetPoints);
            Add(Boards.Spend, totals.NetSpendMinor);
            Add(Boards.Purchases, totals.Purchases);
        }

        foreach (var challenge in challenges)
        {
            if (account.Challenges.Progress(challenge.Id) is { } progress)
            {
                updates.Add(new BoardScoreUpdate(
                    GrainKeys.Leaderboard(programId, ChallengeBoards.Board(challenge.Id), ChallengeBoards.Period),
                    new ScoreUpdate(memberId, progress.Value(challenge.Definition.Goal.Kind), progress.ValueChangedAt, account.Version)));
            }
        }

        return GrainFactory.GetGrain<ILeaderboardBuffer>(0).Submit(updates.ToImmutable());
    }

    private async Task<ProgramRules> RequireRules() =>
        await programs.Get(programId)
        ?? throw new InvalidOperationException($"Program '{programId}' is not configured.");
}

using System.Collections.Immutable;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.DeadLetters;
using Loyalty.Grains.Interfaces.Events;
using Loyalty.Grains.Interfaces.Members;
using Loyalty.Grains.Interfaces.Referrals;
using Loyalty.Grains.Interfaces.Rewards;
using Loyalty.Grains.Kpis;
using Loyalty.Grains.Notifications;
using Loyalty.Grains.Scheduling;
using Microsoft.Extensions.Options;

namespace Loyalty.Grains.Members;

/// <summary>
/// Applies one member's events in order through the rule book, persists once per delivered batch, then publishes
/// absolute scores to the leaderboards. Being the only writer of its state, it needs no locks. Time-driven work is
/// applied whenever the member is touched, and on <see cref="Wake"/> when nobody touches it.
/// </summary>
public sealed partial class MemberGrain : Grain, IMemberGrain, IRemindable
{
    // Members once kept a reminder of this name; one that still fires is removed and does the wake-up's work.
    private const string FormerExpiryReminder = "points-expiry";

    private readonly IPersistentState<MemberAccount> state;
    private readonly ProgramRulesCache programs;
    private readonly TimeProvider clock;
    private readonly ILogger<MemberGrain> logger;
    private readonly string programId;
    private readonly string memberId;
    private readonly MemberLedger ledger;
    private readonly MemberDueTime dueTime;
    private readonly MemberReferrals referrals;
    private readonly MemberScorePublisher scores;
    private readonly MemberTurnWriter turns;
    private readonly MemberRedemptionFlow redemptions;
    private readonly MemberListing listing;
    private readonly ILedgerStore ledgerStore;
    private readonly int notificationSlices;

    public MemberGrain(
        [PersistentState("member", StorageNames.Loyalty)] IPersistentState<MemberAccount> state,
        ProgramRulesCache programs,
        ILedgerStore ledgerStore,
        IOptions<NotificationOptions> notificationOptions,
        IOptions<KpiOptions> kpiOptions,
        IDueWorkStore dueWorkStore,
        IMemberDirectory directory,
        IOptions<DueWorkOptions> dueWorkOptions,
        DueWorkerStarts dueWorkers,
        IGrainFactory grains,
        [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock,
        ILogger<MemberGrain> logger)
    {
        (this.state, this.programs, this.clock, this.logger, this.ledgerStore) = (state, programs, clock, logger, ledgerStore);
        notificationSlices = notificationOptions.Value.Slices;
        (programId, memberId) = GrainKeys.SplitProgram(this.GetPrimaryKeyString());
        ledger = new MemberLedger(ledgerStore, programs, logger, programId, memberId);
        dueTime = new MemberDueTime(dueWorkStore, dueWorkers, dueWorkOptions.Value.Slices, programId, memberId);
        referrals = new MemberReferrals(grains, programId, memberId);
        scores = new MemberScorePublisher(grains, programId, memberId);
        listing = new MemberListing(directory, programId, memberId);
        turns = new MemberTurnWriter(
            state, ledger, dueTime,
            new ChallengePlacements(grains, clock, programId, memberId),
            new NotificationHandOff(grains, notificationSlices, programId, memberId),
            new KpiHandOff(grains, kpiOptions.Value.Slices, programId, memberId),
            referrals, listing, clock, RequireRules, DeactivateAfterFailedWrite);
        redemptions = new MemberRedemptionFlow(grains, clock, programId, memberId, RequireRules, turns.Persist);
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!state.RecordExists)
        {
            state.State = NewAccount();
            dueTime.KnownToBeNone(); // due times are set only after a write, so a member never stored has none
        }

        // Entries stored while the ledger store was away, or a state stored with its whole ledger.
        await ledger.AppendPending(state.State);
    }

    public async Task<MemberSnapshot?> GetSnapshot()
    {
        if (!state.RecordExists)
        {
            return null;
        }

        // A read never writes: what time has made due is shown, and stored with the member's next change or wake-up.
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
        var applied = MemberEventApplier.ApplyInOrder(state.State, events, failed, rules, now);
        while (applied.FailedMidway is { } failure)
        {
            // The rule book failed halfway through an event: what it changed in memory cannot be trusted. Start again
            // from the stored state without that event; the events before it are applied again, exactly as before.
            logger.LogError(failure.Exception, "Member {GrainKey} failed on event {EventId}; parking it", this.GetPrimaryKeyString(), failure.EventId);
            failed[failure.EventId] = $"the rule book failed: {failure.Exception.Message}";
            await state.ReadStateAsync();
            if (!state.RecordExists)
            {
                state.State = NewAccount();
            }

            applied = MemberEventApplier.ApplyInOrder(state.State, events, failed, rules, now);
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

        listing.Saw(events.Where(e => !failed.ContainsKey(e.EventId)).Select(e => e.OccurredAt));
        var changed = account.ApplyDueWork(rules.Config, now) | applied.Count > 0;
        var periods = applied.TouchedPeriods;
        await turns.Commit(rules, changed, periods);
        LoyaltyMetrics.EventsApplied.Add(applied.Count);
        LoyaltyMetrics.PointsIssued.Add(account.Points.LifetimeEarned - earnedBefore);

        // The stream entry is acknowledged only after this returns, so scores are stored before the events are forgotten.
        await scores.PublishChanged(account, rules, periods);
    }

    public async Task Wake()
    {
        if (!state.RecordExists)
        {
            return;
        }

        dueTime.MarkUnknown(); // the worker moved the stored time on by its lease: set it again whatever happens
        var rules = await RequireRules();
        if (!await ApplyDueWorkAndCommit(rules))
        {
            await dueTime.Store(state.State, rules.Config, clock.GetUtcNow());
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == FormerExpiryReminder && await this.GetReminder(reminderName) is { } former)
        {
            await this.UnregisterReminder(former);
        }

        await Wake();
    }

    public async Task<MemberSnapshot> SetBirthDate(DateOnly? birthDate)
    {
        var rules = await RequireRules();
        state.State.SetBirthDate(birthDate, rules.Config, clock.GetUtcNow());
        await ApplyDueWorkAndCommit(rules, changed: true);

        return state.State.View(rules.Config, clock.GetUtcNow(), rules.Challenges).ToSnapshot(programId);
    }

    public Task<RedemptionResult> Redeem(string redemptionId, string rewardId) =>
        redemptions.Redeem(state.RecordExists ? state.State : null, redemptionId, rewardId);

    public Task<RedemptionResult> CancelRedemption(string redemptionId) => redemptions.Cancel(state.State, redemptionId);

    public Task<bool> HasRedemption(string redemptionId) =>
        Task.FromResult(state.State.Redemptions.Find(redemptionId) is { CancelledAt: null });

    /// <summary>Reading one redemption back, as its 201's Location promises; reads never write state.</summary>
    public Task<RedemptionResult?> GetRedemption(string redemptionId) => Task.FromResult(MemberRedemptionFlow.Find(state.State, redemptionId));

    public async Task<string?> GetReferralCode() => state.RecordExists ? await referrals.Code(state.State, turns.Persist) : null;

    public async Task<ReferralStatus> JoinReferral(string code)
    {
        var rules = await RequireRules();
        return rules.Config.Referrals is null
            ? ReferralStatus.ReferralsDisabled
            : await referrals.Join(state.State, code, turns.Persist);
    }

    public Task<string?> GetReferredBy() => Task.FromResult(state.State.Referral.ReferredBy);

    public async Task CreditReferral(string refereeId, DateTimeOffset qualifiedAt)
    {
        var rules = await RequireRules();
        if (state.RecordExists && state.State.CreditReferral(refereeId, rules.Config, qualifiedAt, clock.GetUtcNow()))
        {
            await turns.Persist();
            await scores.Publish(state.State, [.. PeriodKeys.For(qualifiedAt, rules.Zone)], []);
        }
    }

    public async Task<AdjustmentResult> Adjust(string adjustmentId, long points, string reason)
    {
        if (!state.RecordExists)
        {
            return new AdjustmentResult(AdjustmentStatus.MemberNotFound, adjustmentId, points, reason, null);
        }

        var rules = await RequireRules();
        var outcome = state.State.Adjust(adjustmentId, points, reason, rules.Config, clock.GetUtcNow());
        if (outcome == AdjustOutcome.Adjusted)
        {
            await ApplyDueWorkAndCommit(rules, changed: true);
        }

        return state.State.Adjustments.Find(adjustmentId).ToResult(outcome, adjustmentId, points, reason);
    }

    public Task<LedgerPage> GetLedger(int offset, int limit) => ledger.Page(state.State, offset, limit);

    /// <summary>What a return may name: read by the gateway to tell a producer when a return's original is unknown.</summary>
    public Task<ImmutableArray<string>> UnknownPurchases(ImmutableArray<string> eventIds) =>
        Task.FromResult(eventIds.Where(id => !state.State.Purchases.Held.ContainsKey(id)).ToImmutableArray());

    /// <summary>
    /// Time-driven work due now, stored in one write with what it owes other grains; bonuses credited now reach the
    /// boards of the current periods. True when it wrote.
    /// </summary>
    /// <param name="changed">The turn changed the state already, so it writes whatever time brings.</param>
    private async Task<bool> ApplyDueWorkAndCommit(ProgramRules rules, bool changed = false)
    {
        var now = clock.GetUtcNow();
        var periods = new HashSet<string>(PeriodKeys.For(now, rules.Zone), StringComparer.Ordinal);
        if (!await turns.Commit(rules, state.State.ApplyDueWork(rules.Config, now) | changed, periods))
        {
            return false;
        }

        await scores.PublishChanged(state.State, rules, periods);
        return true;
    }

    /// <summary>What this activation holds is ahead of what is stored: the retry must meet the stored state, which a new activation reads.</summary>
    private void DeactivateAfterFailedWrite(Exception failure)
    {
        logger.LogWarning(failure, "Member {GrainKey} could not store its turn; deactivating to start again from the stored state", this.GetPrimaryKeyString());
        this.DeactivateOnIdle();
    }

    private MemberAccount NewAccount()
    {
        var account = new MemberAccount(memberId);
        account.News.NumberFrom(clock.GetUtcNow());
        return account;
    }

    private async Task<ProgramRules> RequireRules() =>
        await programs.Get(programId)
        ?? throw new InvalidOperationException($"Program '{programId}' is not configured.");
}

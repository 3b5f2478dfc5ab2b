using System.Text.Json.Serialization;

namespace Loyalty.Domain;

/// <summary>
/// One member of one program: balances, pending lots, purchases open to returns, tier, streak, leaderboard totals
/// and the ledger entries not yet in the ledger store (MemberAccount.Ledger.cs). Every change goes through
/// <see cref="Apply"/> or <see cref="Advance"/>; the public
/// properties exist so the state can be stored as JSON.
/// </summary>
public sealed partial class MemberAccount
{
    private const int KeptEarningDays = 400;
    // A return may name a purchase within the return window, and a month's grace for late refunds; beyond that it is
    // reversed at the base rate. The newest few are kept whatever their age, and never more than the cap.
    private const int PurchasesKeptBeyondReturnWindowDays = 30;
    private const int PurchasesKeptWithoutTrimming = 64;

    // Trimming sorts what is held, so it waits for this many more first: a replayed history, each purchase older than
    // the newest, would otherwise sort on every purchase.
    private const int TrimmingSlack = 32;

    private int purchasesAfterTrimming;
    private const int MaxPurchasesKept = 1_000;

    private SortedDictionary<string, long> earnedByDay = new(StringComparer.Ordinal);

    public MemberAccount()
    {
    }

    public MemberAccount(string memberId) => MemberId = memberId;

    public string MemberId { get; set; } = "";

    /// <summary>Grows with every change; downstream copies use it to keep only the newest state.</summary>
    public long Version { get; set; }

    public long Available { get; set; }

    public long LifetimeEarned { get; set; }

    public long ClawedBack { get; set; }

    public long Redeemed { get; set; }

    public long Expired { get; set; }

    /// <summary>Purchases minus returns, in minor units.</summary>
    public long LifetimeSpendMinor { get; set; }

    public int PurchaseCount { get; set; }

    public List<PendingLot> PendingLots { get; set; } = [];

    /// <summary>The positive part of <see cref="Available"/>, by lot, for expiry.</summary>
    public AvailableLots AvailableLots { get; set; } = new();

    /// <summary>Purchases that a return may still name, by event id.</summary>
    public Dictionary<string, PurchaseRecord> Purchases { get; set; } = new(StringComparer.Ordinal);

    public RecentEventIds SeenEvents { get; set; } = new();

    public TierState Tier { get; set; } = new();

    public StreakState Streak { get; set; } = new();

    /// <summary>Points earned per local day ("yyyy-MM-dd"), for the daily cap.</summary>
    public SortedDictionary<string, long> EarnedByDay
    {
        get => earnedByDay;

        // Stored state comes back with the default (culture) comparer; day keys must sort ordinally.
        set => earnedByDay = new SortedDictionary<string, long>(value, StringComparer.Ordinal);
    }

    /// <summary>Leaderboard totals per period key ("all", "yyyy-MM").</summary>
    public Dictionary<string, PeriodTotals> PeriodTotals { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Badges awarded, by id, with the event time at which each was earned.</summary>
    public Dictionary<string, DateTimeOffset> Badges { get; set; } = new(StringComparer.Ordinal);

    public ReferralState Referral { get; set; } = new();

    /// <summary>The program version the newest event was applied under, as the grain last set it.</summary>
    public int RulesVersion { get; set; }

    /// <summary>The newest purchase by event time, and how its points were made up.</summary>
    public AppliedEarning? LastEarning { get; set; }

    /// <summary>Every redemption by id, so repeating one answers the first outcome.</summary>
    public Dictionary<string, Redemption> Redemptions { get; set; } = new(StringComparer.Ordinal);

    [JsonIgnore]
    public IReadOnlyDictionary<string, PeriodTotals> Periods => PeriodTotals;

    private DateTimeOffset nextPeriodCheck = DateTimeOffset.MinValue;

    [JsonIgnore]
    public long Pending => PendingLots.Sum(lot => lot.Points);

    /// <summary>
    /// True for every event id applied within the duplicate window, and for every purchase a return may still name.
    /// </summary>
    public bool HasSeen(string eventId) => SeenEvents.Contains(eventId) || Purchases.ContainsKey(eventId);

    /// <summary>
    /// Applies an event once: a repeated event id is a <see cref="ApplyOutcome.Duplicate"/> and changes nothing.
    /// Time-driven work due by <paramref name="now"/> is done first (so a return finds its lot matured if it is, and
    /// an overdue anniversary is judged without this event), and again after (a late purchase may be mature already).
    /// </summary>
    /// <exception cref="EventNotApplicableException">The rule book cannot apply the event; nothing changed.</exception>
    public ApplyOutcome Apply(LoyaltyEvent e, ProgramConfig config, DateTimeOffset now, IReadOnlyList<Challenge>? challenges = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (HasSeen(e.EventId))
        {
            return ApplyOutcome.Duplicate;
        }

        if (e is not (Purchase or Return))
        {
            throw new ArgumentException($"Unsupported event type {e.GetType().Name}.", nameof(e));
        }

        // Checked before anything changes, so a refused event leaves no trace.
        if (EventLimits.Violation(e) is { } violation)
        {
            throw new EventNotApplicableException(e.EventId, violation.Field, violation.Reason);
        }

        if (AtTotalsLimit())
        {
            throw new EventNotApplicableException(e.EventId, "memberId", $"has running totals beyond {EventLimits.MaxMemberTotal}");
        }

        var zone = ProgramCalendar.Zone(config);
        Advance(config, now);
        var tierBefore = Tier.IndexOf(config.Tiers);
        switch (e)
        {
            case Purchase purchase:
                // Everything that could refuse the purchase is worked out before it changes anything.
                var earning = PlanEarning(purchase, config, zone);
                var contributions = PlanChallenges(purchase, challenges ?? [], zone);
                CountHeldPurchases(challenges ?? [], config, zone);
                ApplyPurchase(purchase, earning, config, zone, now);
                ApplyToChallenges(purchase, contributions, config, zone);
                QualifyReferral(purchase, config, zone, now);
                break;
            case Return refund:
                ApplyReturn(refund, config, zone, now);
                break;
        }

        // Surprises first: a gifted tier counts for tier badges at once.
        GiveSurprises(config, zone, e.OccurredAt, now);
        AwardBadges(config, zone, e.OccurredAt, now);
        SeenEvents.Add(e.EventId, now, now.AddDays(-config.DuplicateWindowDays));
        Version++;
        Advance(config, now);

        // News only of a tier actually held now: an old purchase may raise a tier that an anniversary already took back.
        if (Tier.IndexOf(config.Tiers) > tierBefore)
        {
            Notify(NotificationKind.TierUp, e.OccurredAt, tier: Tier.Current);
        }

        return ApplyOutcome.Applied;
    }

    private bool AtTotalsLimit()
    {
        static bool Beyond(long total) => total is > EventLimits.MaxMemberTotal or < -EventLimits.MaxMemberTotal;
        return Beyond(LifetimeEarned) || Beyond(LifetimeSpendMinor) || Beyond(ClawedBack) || Beyond(Available)
            || Beyond(Redeemed) || Beyond(Expired);
    }

    private EarningResult PlanEarning(Purchase purchase, ProgramConfig config, TimeZoneInfo zone)
    {
        var day = ProgramCalendar.DayKey(ProgramCalendar.LocalDate(purchase.OccurredAt, zone));
        var earning = EarningCalculator.Calculate(purchase, config, EarnedByDay.GetValueOrDefault(day), Segment(config, purchase.OccurredAt));
        return earning.Total <= Bounds.MaxEventPoints
            ? earning
            : throw new EventNotApplicableException(purchase.EventId, "amountMinor", $"earns more than {Bounds.MaxEventPoints} points under the program's rules");
    }

    /// <summary>
    /// Spends available points on a reward. Pending points never count and the balance never goes below zero; a
    /// repeated redemption id changes nothing and answers the first outcome.
    /// </summary>
    public RedeemOutcome Redeem(string redemptionId, string rewardId, long costPoints, ProgramConfig config, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(costPoints);
        if (Redemptions.TryGetValue(redemptionId, out var earlier))
        {
            return earlier.RewardId == rewardId ? RedeemOutcome.AlreadyRedeemed : RedeemOutcome.RedemptionIdTaken;
        }

        Advance(config, now);
        if (Available < costPoints)
        {
            return RedeemOutcome.InsufficientPoints;
        }

        TakeAvailable(costPoints);
        Redeemed += costPoints;
        Redemptions[redemptionId] = new Redemption(rewardId, costPoints, now, CancelledAt: null);
        Record(LedgerKind.Redeemed, PointsBalance.Available, -costPoints, $"reward {rewardId}", redemptionId, now);
        Version++;
        return RedeemOutcome.Redeemed;
    }

    /// <summary>Gives a redemption's points back; repeating it changes nothing. False for a redemption never made.</summary>
    /// <remarks>The points come back as a lot dated from the redemption, so cancelling never extends their life.</remarks>
    public bool CancelRedemption(string redemptionId, ProgramConfig config, DateTimeOffset now)
    {
        if (!Redemptions.TryGetValue(redemptionId, out var redemption))
        {
            return false;
        }

        if (redemption.CancelledAt is null)
        {
            AddAvailable(redemption.Points, $"redemption {redemptionId}", redemption.RedeemedAt, config, ProgramCalendar.Zone(config));
            Redeemed -= redemption.Points;
            Redemptions[redemptionId] = redemption with { CancelledAt = now };
            Record(LedgerKind.Adjusted, PointsBalance.Available, redemption.Points, $"redemption cancelled: reward {redemption.RewardId}", redemptionId, now);
            Version++;
        }

        return true;
    }

    /// <summary>Time-driven work due by <paramref name="now"/>: maturing pending lots and tier anniversaries.</summary>
    public bool Advance(ProgramConfig config, DateTimeOffset now)
    {
        var zone = ProgramCalendar.Zone(config);
        SetNewsHorizon(config, now);
        var changed = MatureLots(config, zone, now);
        changed |= ExpireLots(now);
        changed |= Tier.ApplyAnniversaries(config.Tiers, config.TierDowngradeGraceDays, zone, now);
        changed |= ForgetClosedPeriods(zone, config.LeaderboardRetention, now);
        changed |= AnnounceExpiry(config, now);
        changed |= CreditBirthday(config, zone, now);
        if (changed)
        {
            Version++;
        }

        return changed;
    }

    public MemberView View(ProgramConfig config, DateTimeOffset now, IReadOnlyList<Challenge>? challenges = null)
    {
        var zone = ProgramCalendar.Zone(config);
        var today = ProgramCalendar.LocalDate(now, zone);
        return new MemberView(
            MemberId,
            new PointsView(Available, Pending, LifetimeEarned, ClawedBack, Redeemed, Expired, ExpiringSoon(config, now)),
            LifetimeSpendMinor,
            Tier.View(config.Tiers, today),
            new StreakView(
                config.StreakUnit == StreakUnit.Day ? "day" : "week",
                Streak.Current(ProgramCalendar.PeriodNumber(today, config.StreakUnit)),
                Streak.Best,
                Streak.FreezeTokens),
            [.. Badges.OrderBy(b => b.Value).ThenBy(b => b.Key, StringComparer.Ordinal).Select(b => new BadgeView(b.Key, b.Value))],
            ChallengeViews(challenges ?? [], config, zone, now),
            [.. RecentNotifications],
            new RulesView(RulesVersion, LastEarning),
            Rfm(config, now),
            BirthDate);
    }

    private void ApplyPurchase(Purchase purchase, EarningResult earning, ProgramConfig config, TimeZoneInfo zone, DateTimeOffset now)
    {
        var date = ProgramCalendar.LocalDate(purchase.OccurredAt, zone);
        var day = ProgramCalendar.DayKey(date);
        if (LastEarning is null || purchase.OccurredAt >= LastEarning.OccurredAt)
        {
            LastEarning = AppliedEarning.From(purchase, earning);
        }

        if (earning.Total > 0)
        {
            PendingLots.Add(new PendingLot
            {
                EventId = purchase.EventId,
                Points = earning.Total,
                EarnedAt = purchase.OccurredAt,
                MaturesAt = purchase.OccurredAt.AddDays(config.ReturnWindowDays),
            });
            Record(LedgerKind.Earned, PointsBalance.Pending, earning.Total, earning.Describe(purchase.EventId), purchase.EventId, purchase.OccurredAt);
            LifetimeEarned = checked(LifetimeEarned + earning.Total);
            EarnedByDay[day] = checked(EarnedByDay.GetValueOrDefault(day) + earning.Total);
            TrimEarningDays();
        }

        Purchases[purchase.EventId] = new PurchaseRecord
        {
            AmountMinor = purchase.AmountMinor,
            PointsEarned = earning.Total,
            OccurredAt = purchase.OccurredAt,
        };
        TrimPurchases(purchase.OccurredAt, config);

        LifetimeSpendMinor = checked(LifetimeSpendMinor + purchase.AmountMinor);
        PurchaseCount++;
        RfmData.AddPurchase(date, purchase.OccurredAt);
        Tier.AddSpend(date, purchase.AmountMinor);
        Tier.TryUpgrade(config.Tiers, date, purchase.OccurredAt);

        Streak.Add(ProgramCalendar.PeriodNumber(date, config.StreakUnit), config.StreakFreezes);
        AddToPeriods(purchase.OccurredAt, zone, config.LeaderboardRetention, now, earning.Total, purchase.AmountMinor, purchases: 1);
    }

    private void ApplyReturn(Return refund, ProgramConfig config, TimeZoneInfo zone, DateTimeOffset now)
    {
        long refundMinor, points;
        DateOnly spendMonth;
        string reason;
        PendingLot? originalLot = null;
        if (refund.OriginalEventId is { } originalId && Purchases.TryGetValue(originalId, out var original))
        {
            (refundMinor, points) = original.Refund(refund.AmountMinor);
            spendMonth = ProgramCalendar.LocalDate(original.OccurredAt, zone);
            originalLot = PendingLots.Find(lot => lot.EventId == originalId);
            reason = $"return {refund.EventId} of purchase {originalId}: {refundMinor} of {original.AmountMinor} refunded, "
                + $"{original.PointsClawedBack} of {original.PointsEarned} points clawed back in total";
            RefundChallenges(originalId, refundMinor, original, refund.OccurredAt);
        }
        else
        {
            refundMinor = refund.AmountMinor;
            points = EarningCalculator.BasePoints(refund.AmountMinor, config);
            spendMonth = ProgramCalendar.LocalDate(refund.OccurredAt, zone);
            reason = $"return {refund.EventId}: {refundMinor} reversed at the base rate";
        }

        ClawBack(points, originalLot, reason, refund);
        LifetimeSpendMinor = checked(LifetimeSpendMinor - refundMinor);
        Tier.AddSpend(spendMonth, -refundMinor);
        AddToPeriods(refund.OccurredAt, zone, config.LeaderboardRetention, now, -points, -refundMinor, purchases: 0);
    }

    /// <summary>
    /// Takes points back: first from the original purchase's pending lot (or, without one, from the newest pending
    /// lots), then from available points, which may go below zero. A clawback is never dropped.
    /// </summary>
    private void ClawBack(long points, PendingLot? originalLot, string reason, Return refund)
    {
        ClawedBack = checked(ClawedBack + points);
        var fromPending = 0L;

        // Newest by event time, not arrival, so replays in any order take from the same lots.
        List<PendingLot> lots = originalLot is not null
            ? [originalLot]
            : [.. PendingLots.OrderByDescending(lot => lot.EarnedAt).ThenByDescending(lot => lot.EventId, StringComparer.Ordinal)];
        foreach (var lot in lots)
        {
            if (fromPending == points)
            {
                break;
            }

            var take = Math.Min(lot.Points, points - fromPending);
            lot.Points -= take;
            fromPending += take;
        }

        PendingLots.RemoveAll(lot => lot.Points == 0);
        Record(LedgerKind.ClawedBack, PointsBalance.Pending, -fromPending, reason, refund.EventId, refund.OccurredAt);
        var fromAvailable = points - fromPending;
        TakeAvailable(fromAvailable);
        Record(LedgerKind.ClawedBack, PointsBalance.Available, -fromAvailable, reason, refund.EventId, refund.OccurredAt);
    }

    private bool MatureLots(ProgramConfig config, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (!AnyMatured(now))
        {
            return false; // the usual case on every touch: nothing to sort, nothing to allocate
        }

        var due = PendingLots.Where(lot => lot.MaturesAt <= now).OrderBy(lot => lot.MaturesAt).ToList();
        foreach (var lot in due)
        {
            var reason = $"purchase {lot.EventId}: return window over";
            Record(LedgerKind.Matured, PointsBalance.Pending, -lot.Points, reason, lot.EventId, lot.MaturesAt);
            Record(LedgerKind.Matured, PointsBalance.Available, lot.Points, reason, lot.EventId, lot.MaturesAt);
            AddAvailable(lot.Points, lot.EventId, lot.MaturesAt, config, zone);
            PendingLots.Remove(lot);
        }

        return true;
    }

    private bool AnyMatured(DateTimeOffset now)
    {
        foreach (var lot in PendingLots)
        {
            if (lot.MaturesAt <= now)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Awards every badge whose goal is now met, once, at the time of the event that met it; bonus points become
    /// available at once, count as earned and show on the points board.
    /// </summary>
    private void AwardBadges(ProgramConfig config, TimeZoneInfo zone, DateTimeOffset at, DateTimeOffset now)
    {
        foreach (var badge in BadgeAwards.Due(this, config).ToList())
        {
            Badges[badge.Id] = at;
            Notify(NotificationKind.BadgeEarned, at, badge: badge.Id);
            Credit(badge.BonusPoints, $"badge {badge.Id}", config, zone, at, now);
        }
    }

    /// <summary>
    /// Joins the referrer who owns the code. Refused for one's own code, for a member already referred or already a
    /// customer, and when it would close a loop (<paramref name="referrerChain"/>: the referrer, their referrer, ...).
    /// </summary>
    public ReferralJoinOutcome JoinReferral(string referrerId, IReadOnlyList<string> referrerChain)
    {
        if (referrerId == MemberId)
        {
            return ReferralJoinOutcome.SelfReferral;
        }

        if (Referral.ReferredBy is { } existing)
        {
            return existing == referrerId ? ReferralJoinOutcome.Joined : ReferralJoinOutcome.AlreadyReferred;
        }

        if (referrerChain.Contains(MemberId, StringComparer.Ordinal))
        {
            return ReferralJoinOutcome.Loop;
        }

        if (PurchaseCount > 0)
        {
            return ReferralJoinOutcome.AlreadyCustomer;
        }

        Referral.ReferredBy = referrerId;
        Version++;
        return ReferralJoinOutcome.Joined;
    }

    /// <summary>Credits the referrer's bonus for a referee's qualifying purchase, once per referee.</summary>
    public bool CreditReferral(string refereeId, ProgramConfig config, DateTimeOffset at, DateTimeOffset now)
    {
        if (config.Referrals is not { } referrals || !Referral.CreditedReferees.Add(refereeId))
        {
            return false;
        }

        Credit(referrals.ReferrerBonusPoints, $"referral of {refereeId}", config, ProgramCalendar.Zone(config), at, now);
        Version++;
        return true;
    }

    /// <summary>The referrer has confirmed their credit: nothing is owed any more.</summary>
    public void ReferrerCredited() => Referral.ReferrerToCredit = null;

    private void QualifyReferral(Purchase purchase, ProgramConfig config, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (config.Referrals is not { } referrals || Referral.ReferredBy is null || Referral.Qualified
            || purchase.AmountMinor < referrals.MinPurchaseMinor)
        {
            return;
        }

        Referral.Qualified = true;
        Referral.QualifiedAt = purchase.OccurredAt;
        Referral.ReferrerToCredit = Referral.ReferredBy;
        Credit(referrals.RefereeBonusPoints, $"referred by {Referral.ReferredBy}", config, zone, purchase.OccurredAt, now);
    }

    /// <summary>Bonus points: available at once, earned, on the points board, with a bonus ledger entry.</summary>
    private void Credit(long points, string reason, ProgramConfig config, TimeZoneInfo zone, DateTimeOffset at, DateTimeOffset now)
    {
        if (points <= 0)
        {
            return;
        }

        LifetimeEarned = checked(LifetimeEarned + points);
        Record(LedgerKind.Bonus, PointsBalance.Available, points, reason, null, at);
        AddAvailable(points, reason, at, config, zone);
        AddToPeriods(at, zone, config.LeaderboardRetention, now, points, 0, purchases: 0);
    }

    /// <summary>Points that became available: they repay a negative balance first, the rest forms a lot that may expire.</summary>
    private void AddAvailable(long points, string source, DateTimeOffset availableAt, ProgramConfig config, TimeZoneInfo zone)
    {
        AvailableLots.Add(points, -Available, source, availableAt, PointsExpiry.ExpiresAt(availableAt, config, zone));
        Available = checked(Available + points);
    }

    /// <summary>Points leaving the available balance, from the lots that expire first; beyond them the balance goes negative.</summary>
    private void TakeAvailable(long points)
    {
        AvailableLots.Take(points);
        Available = checked(Available - points);
    }

    /// <summary>Available points that expire within <see cref="ProgramConfig.ExpiryWarningDays"/> of <paramref name="now"/>.</summary>
    public ExpiringPoints? ExpiringSoon(ProgramConfig config, DateTimeOffset now) =>
        AvailableLots.ExpiringBy(now.AddDays(config.ExpiryWarningDays)) is { Points: > 0, First: { } first } soon
            ? new ExpiringPoints(soon.Points, first)
            : null;

    /// <summary>Lots whose time has come expire, each with its own ledger entry at its expiry time.</summary>
    private bool ExpireLots(DateTimeOffset now)
    {
        var expired = AvailableLots.Expire(now);
        foreach (var lot in expired)
        {
            Available = checked(Available - lot.Points);
            Expired = checked(Expired + lot.Points);
            Record(LedgerKind.Expired, PointsBalance.Available, -lot.Points, $"points of {lot.Source} expired", null, lot.ExpiresAt!.Value);
        }

        return expired.Count > 0;
    }

    /// <summary>Adds to every period the event falls in that is still kept; a late event for a closed period counts for the rest.</summary>
    private void AddToPeriods(
        DateTimeOffset at, TimeZoneInfo zone, BoardRetention retention, DateTimeOffset now, long points, long spendMinor, int purchases)
    {
        foreach (var key in PeriodKeys.For(at, zone))
        {
            if (!PeriodKeys.IsKept(key, zone, retention, now))
            {
                continue;
            }

            var totals = PeriodTotals.GetValueOrDefault(key) ?? new PeriodTotals(0, 0, 0, at);
            PeriodTotals[key] = totals.Add(points, spendMinor, purchases, at);
        }
    }

    /// <summary>Drops totals of periods past their retention, so a member's state does not grow with every day.</summary>
    private bool ForgetClosedPeriods(TimeZoneInfo zone, BoardRetention retention, DateTimeOffset now)
    {
        // Periods close at local midnights: one look a day is enough.
        if (now < nextPeriodCheck)
        {
            return false;
        }

        nextPeriodCheck = ProgramCalendar.StartOfDay(ProgramCalendar.LocalDate(now, zone).AddDays(1), zone);
        var closed = PeriodTotals.Keys.Where(key => !PeriodKeys.IsKept(key, zone, retention, now)).ToList();
        foreach (var key in closed)
        {
            PeriodTotals.Remove(key);
        }

        return closed.Count > 0;
    }

    private void TrimEarningDays()
    {
        while (EarnedByDay.Count > KeptEarningDays)
        {
            EarnedByDay.Remove(EarnedByDay.Keys.First());
        }
    }

    /// <summary>
    /// Forgets purchases too old for a return to name them: dated more than the return window and its grace before the
    /// newest purchase, beyond the newest <see cref="PurchasesKeptWithoutTrimming"/>, and the oldest beyond
    /// <see cref="MaxPurchasesKept"/>.
    /// </summary>
    private void TrimPurchases(DateTimeOffset newest, ProgramConfig config)
    {
        if (Purchases.Count <= Math.Max(PurchasesKeptWithoutTrimming, purchasesAfterTrimming) + TrimmingSlack)
        {
            return;
        }

        var cutoff = newest.AddDays(-(config.ReturnWindowDays + PurchasesKeptBeyondReturnWindowDays));
        var byAge = Purchases.OrderBy(p => p.Value.OccurredAt).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value.OccurredAt)).ToList();
        var removable = byAge.Count - PurchasesKeptWithoutTrimming;
        var excess = byAge.Count - MaxPurchasesKept;
        for (var i = 0; i < removable && (i < excess || byAge[i].OccurredAt < cutoff); i++)
        {
            Purchases.Remove(byAge[i].Key);
        }

        purchasesAfterTrimming = Purchases.Count;
    }
}

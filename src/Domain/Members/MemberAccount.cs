namespace Loyalty.Domain;

/// <summary>
/// One member of one program, coordinating the parts of the rule book: it orders the steps of applying an event or
/// letting time pass, and each part keeps its own state (points and their ledger, purchases, tier, streak, segments,
/// leaderboard totals, badges, challenges, referral, redemptions, news, engagements, survey answers, adjustments).
/// </summary>
public sealed partial class MemberAccount
{
    public MemberAccount(string memberId)
        : this(memberId, new MemberParts())
    {
    }

    private readonly MemberBonuses bonuses;
    private readonly MemberEventEffects effects;

    private MemberAccount(string memberId, MemberParts parts)
    {
        bonuses = new MemberBonuses(this);
        effects = new MemberEventEffects(this, bonuses);
        MemberId = memberId;
        (Points, Purchases, SeenEvents, Tier, Streak, Rfm, Periods, Badges, Challenges, Referral, Redemptions, News) =
            (parts.Points, parts.Purchases, parts.SeenEvents, parts.Tier, parts.Streak, parts.Rfm, parts.Periods, parts.Badges,
                parts.Challenges, parts.Referral, parts.Redemptions, parts.News);
        (Engagements, Surveys, Adjustments) = (parts.Engagements, parts.Surveys, parts.Adjustments);
    }

    /// <summary>A member as stored: its parts, and what the member itself keeps.</summary>
    public static MemberAccount Restore(string memberId, long version, int rulesVersion, AppliedEarning? lastEarning, MemberParts parts) =>
        new(memberId, parts) { Version = version, RulesVersion = rulesVersion, LastEarning = lastEarning };

    public string MemberId { get; }

    /// <summary>Grows with every change; downstream copies use it to keep only the newest state.</summary>
    public long Version { get; private set; }

    /// <summary>The program version the newest event was applied under, as the grain last set it.</summary>
    public int RulesVersion { get; private set; }

    /// <summary>The newest purchase by event time, and how its points were made up.</summary>
    public AppliedEarning? LastEarning { get; internal set; }

    public MemberPoints Points { get; }

    public MemberLedgerWriter Ledger => Points.Ledger;

    public MemberPurchases Purchases { get; }

    public RecentEventIds SeenEvents { get; }

    public TierState Tier { get; }

    public StreakState Streak { get; }

    public RfmState Rfm { get; }

    public MemberPeriods Periods { get; }

    public MemberBadges Badges { get; }

    public MemberChallenges Challenges { get; }

    public MemberReferral Referral { get; }

    public MemberRedemptions Redemptions { get; }

    public MemberNews News { get; }

    public MemberEngagement Engagements { get; }

    public MemberSurveys Surveys { get; }

    public MemberAdjustments Adjustments { get; }

    /// <summary>Event time of the newest purchase or engagement: a challenge is past for the member by it.</summary>
    public DateTimeOffset? NewestActivityAt => Latest(Rfm.LastPurchaseAt, Engagements.LastAt);

    /// <summary>The member's part in its program's KPIs.</summary>
    public MemberKpis Kpis { get; private set; } = new();

    /// <summary>A stored member's KPI part.</summary>
    public MemberAccount WithKpis(MemberKpis kpis)
    {
        Kpis = kpis;
        return this;
    }

    /// <summary>True for every event id applied within the duplicate window, and for every purchase a return may still name.</summary>
    public bool HasSeen(string eventId) => SeenEvents.Contains(eventId) || Purchases.Held.ContainsKey(eventId);

    /// <summary>The grain applied events under this program version.</summary>
    public void AppliedUnder(int rulesVersion) => RulesVersion = rulesVersion;

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

        if (e is not (Purchase or Return or Engagement or SurveyAnswer))
        {
            throw new ArgumentException($"Unsupported event type {e.GetType().Name}.", nameof(e));
        }

        // Checked before anything changes, so a refused event leaves no trace.
        if (EventLimits.Violation(e) is { } violation)
        {
            throw new EventNotApplicableException(e.EventId, violation.Field, violation.Reason);
        }

        if (Points.AtLimit() || Purchases.AtLimit())
        {
            throw new EventNotApplicableException(e.EventId, "memberId", $"has running totals beyond {EventLimits.MaxMemberTotal}");
        }

        var zone = ProgramCalendar.Zone(config);
        challenges ??= [];
        ApplyDueWork(config, now);
        var tierBefore = Tier.IndexOf(config.Tiers);
        switch (e)
        {
            case Purchase purchase:
                // Everything that could refuse the purchase is worked out before it changes anything.
                var earning = effects.PlanEarning(purchase, config, zone);
                var contributions = MemberChallenges.Plan(purchase, challenges, config, zone, NewestActivityAt);
                Challenges.CountHeld(challenges, Purchases, config, zone, NewestActivityAt);
                effects.ApplyPurchase(purchase, earning, config, zone, now);
                Challenges.Add(purchase, contributions, config, zone);
                bonuses.QualifyReferral(purchase, config, zone, now);
                break;
            case Return refund:
                effects.ApplyReturn(refund, config, zone, now);
                break;
            case Engagement engagement:
                effects.ApplyEngagement(engagement, config, zone, challenges, now);
                break;
            case SurveyAnswer answer:
                effects.ApplySurvey(answer, config, zone, now);
                break;
        }

        Kpis.Record(e, zone);

        // Surprises first: a gifted tier counts for tier badges at once.
        bonuses.GiveSurprises(config, zone, e.OccurredAt, now);
        bonuses.AwardBadges(config, zone, e.OccurredAt, now);
        Challenges.DropFinished(challenges, config, zone, NewestActivityAt);
        if (!Purchases.Held.ContainsKey(e.EventId))
        {
            SeenEvents.Add(e.EventId, now, config.DuplicateWindowDays); // a held purchase is known by being held
        }

        Version++;
        ApplyDueWork(config, now);

        // News only of a tier actually held now: an old purchase may raise a tier that an anniversary already took back.
        if (Tier.IndexOf(config.Tiers) > tierBefore)
        {
            News.Notify(NotificationKind.TierUp, e.OccurredAt, tier: Tier.Current);
        }

        return ApplyOutcome.Applied;
    }

    /// <summary>Time-driven work due by <paramref name="now"/>: maturing, expiry, tier anniversaries, closed periods, notices, birthdays.</summary>
    public bool ApplyDueWork(ProgramConfig config, DateTimeOffset now)
    {
        var zone = ProgramCalendar.Zone(config);
        News.SetHorizon(config, now);
        var changed = Points.Mature(config, zone, now);
        changed |= Points.Expire(now);
        changed |= Tier.ApplyAnniversaries(config.Tiers, config.TierDowngradeGraceDays, zone, now);
        changed |= Periods.ForgetClosed(zone, config.LeaderboardRetention, now);
        changed |= News.AnnounceExpiry(Points.ExpiringSoon(config, now), now);
        changed |= bonuses.CreditBirthday(config, zone, now);
        if (changed)
        {
            Version++;
        }

        return changed;
    }

    /// <summary>What the member sees at <paramref name="now"/> (see <see cref="MemberView.Of"/>).</summary>
    public MemberView View(ProgramConfig config, DateTimeOffset now, IReadOnlyList<Challenge>? challenges = null) =>
        MemberView.Of(this, config, now, challenges ?? []);

    /// <summary>
    /// The earliest of: a pending lot maturing, available points expiring, their "expiring soon" notice, the next
    /// birthday bonus. Null when nothing is due; whatever is due is also applied whenever the member is touched.
    /// </summary>
    public DateTimeOffset? NextDueAt(ProgramConfig config, DateTimeOffset now) =>
        Earliest(Earliest(Points.NextChangeAt(), News.NextExpiryNoticeAt(Points.AvailableLots.NextExpiry, config)), Badges.NextBirthdayBonusAt(config, now));

    /// <summary>See <see cref="MemberBadges.SetBirthDate"/>.</summary>
    public void SetBirthDate(DateOnly? birthDate, ProgramConfig config, DateTimeOffset now)
    {
        Badges.SetBirthDate(birthDate, config, now);
        Version++;
    }

    /// <summary>See <see cref="MemberReferral.Join"/>.</summary>
    public ReferralJoinOutcome JoinReferral(string referrerId, IReadOnlyList<string> referrerChain)
    {
        var referredBefore = Referral.ReferredBy is not null;
        var outcome = Referral.Join(MemberId, referrerId, referrerChain, Purchases.Count);
        Version += outcome == ReferralJoinOutcome.Joined && !referredBefore ? 1 : 0;
        return outcome;
    }

    /// <summary>Credits the referrer's bonus for a referee's qualifying purchase, once per referee.</summary>
    public bool CreditReferral(string refereeId, ProgramConfig config, DateTimeOffset at, DateTimeOffset now)
    {
        var credited = bonuses.CreditReferral(refereeId, config, at, now);
        Version += credited ? 1 : 0;
        return credited;
    }

    /// <summary>Records the challenge's verdict on this member's completion (see <see cref="MemberBonuses.RecordChallengePlacement"/>).</summary>
    public bool RecordChallengePlacement(Challenge challenge, int position, bool winner, ProgramConfig config, DateTimeOffset now)
    {
        var placed = bonuses.RecordChallengePlacement(challenge, position, winner, config, now);
        Version += placed ? 1 : 0;
        return placed;
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? Latest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}

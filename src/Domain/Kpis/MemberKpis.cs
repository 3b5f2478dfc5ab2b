namespace Loyalty.Domain;

/// <summary>
/// A member's part in its program's KPIs. The member is the authority on what it applied: at the end of each turn
/// that changed it, <see cref="Close"/> turns the change of its contribution, and what happened on each local day,
/// into one <see cref="KpiChange"/> kept in <see cref="Outbox"/> and stored with the turn; it leaves once the
/// program's totals have it. Ids are numbered under a random key, so totals never name the member.
/// </summary>
public sealed class MemberKpis
{
    private readonly List<KpiChange> outbox;
    private readonly Dictionary<DateOnly, KpiCounts<KpiDailyCount>> unclosedDays = [];

    public MemberKpis()
        : this(null, 0, null, 0, 0, 0, null, [])
    {
    }

    private MemberKpis(
        string? key, long sequence, KpiContribution? handed, long ledgerCounted, long returns, long refundedMinor, DateOnly? lastEventDay,
        IEnumerable<KpiChange> outbox)
    {
        (Key, Sequence, Handed, LedgerCounted, Returns, RefundedMinor, LastEventDay) =
            (key, sequence, handed, ledgerCounted, returns, refundedMinor, lastEventDay);
        this.outbox = [.. outbox];
    }

    public static MemberKpis Restore(
        string? key, long sequence, KpiContribution? handed, long ledgerCounted, long returns, long refundedMinor, DateOnly? lastEventDay,
        IEnumerable<KpiChange> outbox) =>
        new(key, sequence, handed, ledgerCounted, returns, refundedMinor, lastEventDay, outbox);

    /// <summary>Random, made on the first change; change ids are this key and <see cref="Sequence"/>.</summary>
    public string? Key { get; private set; }

    /// <summary>The newest change's number.</summary>
    public long Sequence { get; private set; }

    /// <summary>The contribution the newest change brought the totals to; null before the first.</summary>
    public KpiContribution? Handed { get; private set; }

    /// <summary>Ledger entries up to this sequence are in a change already.</summary>
    public long LedgerCounted { get; private set; }

    public long Returns { get; private set; }

    public long RefundedMinor { get; private set; }

    /// <summary>The local day of the newest-dated event; null before the first event.</summary>
    public DateOnly? LastEventDay { get; private set; }

    /// <summary>Changes the totals may not have yet, oldest first.</summary>
    public IReadOnlyList<KpiChange> Outbox => outbox;

    /// <summary>Counts an applied event for its local day.</summary>
    public void Record(LoyaltyEvent e, TimeZoneInfo zone)
    {
        var day = ProgramCalendar.LocalDate(e.OccurredAt, zone);
        var counts = DayCounts(day);
        if (LastEventDay is null)
        {
            counts[KpiDailyCount.NewMembers]++;
        }

        LastEventDay = LastEventDay is { } last && last > day ? last : day;
        switch (e)
        {
            case Purchase purchase:
                counts[KpiDailyCount.Purchases]++;
                counts[KpiDailyCount.GrossSpendMinor] = checked(counts[KpiDailyCount.GrossSpendMinor] + purchase.AmountMinor);
                break;
            case Return refund:
                Returns++;
                RefundedMinor = checked(RefundedMinor + refund.AmountMinor);
                counts[KpiDailyCount.Returns]++;
                counts[KpiDailyCount.RefundedMinor] = checked(counts[KpiDailyCount.RefundedMinor] + refund.AmountMinor);
                break;
            case Engagement:
                counts[KpiDailyCount.Engagements]++;
                break;
            case SurveyAnswer:
                counts[KpiDailyCount.SurveyAnswers]++;
                break;
        }
    }

    /// <summary>
    /// Ends a turn: when the member's contribution or any day changed, the change joins <see cref="Outbox"/>.
    /// Call it before the turn's ledger entries leave for the ledger store.
    /// </summary>
    public KpiChange? Close(MemberAccount account, ProgramConfig config, DateTimeOffset now)
    {
        var zone = ProgramCalendar.Zone(config);
        foreach (var entry in account.Ledger.Pending)
        {
            if (entry.Sequence > LedgerCounted)
            {
                CountLedgerEntry(entry, zone);
            }
        }

        LedgerCounted = Math.Max(LedgerCounted, account.Ledger.Count);
        var to = Contribution(account, config);
        var days = unclosedDays.Where(d => !d.Value.IsZero).ToDictionary();
        unclosedDays.Clear();
        if (days.Count == 0 && Handed is not null && Handed.SameAs(to))
        {
            return null;
        }

        Key ??= Guid.NewGuid().ToString("N");
        var change = new KpiChange($"{Key}-{++Sequence}", now, Handed, to, days);
        Handed = to;
        outbox.Add(change);
        return change;
    }

    /// <summary>The totals have these changes: they leave the outbox.</summary>
    public void Delivered(IReadOnlyCollection<string> ids) => outbox.RemoveAll(change => ids.Contains(change.Id));

    /// <summary>What the member adds to the totals now.</summary>
    public KpiContribution Contribution(MemberAccount account, ProgramConfig config)
    {
        var purchases = account.Purchases.Count;
        var points = account.Points;
        var counts = new KpiCounts<KpiCount>
        {
            [KpiCount.Members] = LastEventDay is not null || purchases > 0 || account.Engagements.Total > 0 || account.Surveys.ByKind.Count > 0 ? 1 : 0,
            [KpiCount.Purchasers] = purchases >= 1 ? 1 : 0,
            [KpiCount.RepeatPurchasers] = purchases >= 2 ? 1 : 0,
            [KpiCount.Purchases] = purchases,
            [KpiCount.Returns] = Returns,
            [KpiCount.GrossSpendMinor] = checked(account.Purchases.LifetimeSpendMinor + RefundedMinor),
            [KpiCount.NetSpendMinor] = account.Purchases.LifetimeSpendMinor,
            [KpiCount.PointsIssued] = points.LifetimeEarned,
            [KpiCount.PointsClawedBack] = points.ClawedBack,
            [KpiCount.PointsRedeemed] = points.Redeemed,
            [KpiCount.PointsExpired] = points.Expired,
            [KpiCount.PointsAdjusted] = points.Adjusted,
            [KpiCount.PointsOutstanding] = checked(points.Available + points.Pending),
            [KpiCount.Engagements] = account.Engagements.Total,
        };
        CountSurveys(account.Surveys, counts);
        var tier = config.Tiers.Count > 0 ? config.Tiers[account.Tier.IndexOf(config.Tiers)].Name : "";
        return new KpiContribution(tier, KpiSegments.Of(purchases, account.Purchases.LifetimeSpendMinor, config.Rfm), LastEventDay, counts);
    }

    /// <summary>Each survey kind counts the member once, by its newest answer; every answer counts in the answers.</summary>
    private static void CountSurveys(MemberSurveys surveys, KpiCounts<KpiCount> counts)
    {
        foreach (var (kind, answers) in surveys.ByKind)
        {
            counts[KpiCount.SurveyAnswers] += answers.Responses;
            var score = answers.Score;
            switch (kind)
            {
                case SurveyKind.Nps:
                    counts[KpiCount.NpsResponses] = 1;
                    counts[KpiCount.NpsPromoters] = score >= 9 ? 1 : 0;
                    counts[KpiCount.NpsDetractors] = score <= 6 ? 1 : 0;
                    break;
                case SurveyKind.Csat:
                    counts[KpiCount.CsatResponses] = 1;
                    counts[KpiCount.CsatSatisfied] = score >= 4 ? 1 : 0;
                    counts[KpiCount.CsatScoreTotal] = score;
                    break;
                case SurveyKind.Ces:
                    counts[KpiCount.CesResponses] = 1;
                    counts[KpiCount.CesScoreTotal] = score;
                    break;
            }
        }
    }

    private void CountLedgerEntry(LedgerEntry entry, TimeZoneInfo zone)
    {
        var counts = DayCounts(ProgramCalendar.LocalDate(entry.OccurredAt, zone));
        void Add(KpiDailyCount field, long points) => counts[field] = checked(counts[field] + points);
        switch (entry.Kind)
        {
            case LedgerKind.Earned or LedgerKind.Bonus:
                Add(KpiDailyCount.PointsIssued, entry.Points);
                break;
            case LedgerKind.ClawedBack:
                Add(KpiDailyCount.PointsClawedBack, -entry.Points);
                break;
            case LedgerKind.Redeemed:
                Add(KpiDailyCount.PointsRedeemed, -entry.Points);
                break;
            case LedgerKind.Expired:
                Add(KpiDailyCount.PointsExpired, -entry.Points);
                break;
            case LedgerKind.Adjusted when entry.Reason.StartsWith(MemberPoints.CancelledRedemptionReason, StringComparison.Ordinal):
                Add(KpiDailyCount.PointsRedeemed, -entry.Points);
                break;
            case LedgerKind.Adjusted:
                Add(KpiDailyCount.PointsAdjusted, entry.Points);
                break;
        }
    }

    private KpiCounts<KpiDailyCount> DayCounts(DateOnly day)
    {
        if (!unclosedDays.TryGetValue(day, out var counts))
        {
            unclosedDays[day] = counts = new KpiCounts<KpiDailyCount>();
        }

        return counts;
    }
}

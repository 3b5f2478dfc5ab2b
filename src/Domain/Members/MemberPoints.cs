namespace Loyalty.Domain;

/// <summary>
/// A member's points: pending lots waiting out the return window, available lots that expire, clawbacks, and the
/// totals. Every change of a balance writes its ledger entry (<see cref="Ledger"/>).
/// </summary>
public sealed class MemberPoints
{
    /// <summary>How the ledger entry of a cancelled redemption's returned points starts.</summary>
    public const string CancelledRedemptionReason = "redemption cancelled";

    private const int KeptEarningDays = 400;

    private readonly List<PendingLot> pendingLots;
    private readonly SortedDictionary<string, long> earnedByDay;

    public MemberPoints()
        : this(new MemberPointTotals(0, 0, 0, 0, 0, 0), [], new AvailableLots(), [], new MemberLedgerWriter())
    {
    }

    private MemberPoints(
        MemberPointTotals totals, IEnumerable<PendingLot> pendingLots, AvailableLots availableLots,
        IEnumerable<KeyValuePair<string, long>> earnedByDay, MemberLedgerWriter ledger)
    {
        (Available, LifetimeEarned, ClawedBack, Redeemed, Expired, Adjusted) = totals;
        this.pendingLots = [.. pendingLots];
        AvailableLots = availableLots;
        this.earnedByDay = new SortedDictionary<string, long>(earnedByDay.ToDictionary(), StringComparer.Ordinal);
        Ledger = ledger;
    }

    public static MemberPoints Restore(
        MemberPointTotals totals, IEnumerable<PendingLot> pendingLots, AvailableLots availableLots,
        IEnumerable<KeyValuePair<string, long>> earnedByDay, MemberLedgerWriter ledger) =>
        new(totals, pendingLots, availableLots, earnedByDay, ledger);

    public long Available { get; private set; }

    public long LifetimeEarned { get; private set; }

    public long ClawedBack { get; private set; }

    public long Redeemed { get; private set; }

    public long Expired { get; private set; }

    /// <summary>The net of every manual adjustment: credits less debits.</summary>
    public long Adjusted { get; private set; }

    public MemberPointTotals Totals => new(Available, LifetimeEarned, ClawedBack, Redeemed, Expired, Adjusted);

    public long Pending => pendingLots.Sum(lot => lot.Points);

    public IReadOnlyList<PendingLot> PendingLots => pendingLots;

    /// <summary>The positive part of <see cref="Available"/>, by lot, for expiry.</summary>
    public AvailableLots AvailableLots { get; }

    /// <summary>Points earned per local day ("yyyy-MM-dd"), for the daily cap; kept only while the program has one.</summary>
    public IReadOnlyDictionary<string, long> EarnedByDay => earnedByDay;

    public MemberLedgerWriter Ledger { get; }

    public long EarnedOn(string day) => earnedByDay.GetValueOrDefault(day);

    /// <summary>A purchase's points: pending until its return window is over.</summary>
    public void Earn(Purchase purchase, EarningResult earning, string day, ProgramConfig config)
    {
        if (earning.Total <= 0)
        {
            return;
        }

        pendingLots.Add(new PendingLot(purchase.EventId, earning.Total, purchase.OccurredAt, purchase.OccurredAt.AddDays(config.ReturnWindowDays)));
        Ledger.AddEntry(LedgerKind.Earned, PointsBalance.Pending, earning.Total, earning.Describe(purchase.EventId), purchase.EventId, purchase.OccurredAt);
        LifetimeEarned = checked(LifetimeEarned + earning.Total);
        if (config.MaxPointsPerDay is null)
        {
            earnedByDay.Clear(); // nothing to cap: a daily cap set later counts what is earned from then on
            return;
        }

        earnedByDay[day] = checked(earnedByDay.GetValueOrDefault(day) + earning.Total);
        while (earnedByDay.Count > KeptEarningDays)
        {
            earnedByDay.Remove(earnedByDay.Keys.First());
        }
    }

    /// <summary>
    /// Takes points back: first from the original purchase's pending lot (or, without one, from the newest pending
    /// lots), then from available points, which may go below zero. A clawback is never dropped.
    /// </summary>
    public void ClawBack(long points, string? originalEventId, string reason, Return refund)
    {
        ClawedBack = checked(ClawedBack + points);
        var fromPending = 0L;

        // Newest by event time, not arrival, so replays in any order take from the same lots.
        var originalLot = originalEventId is null ? null : pendingLots.Find(lot => lot.EventId == originalEventId);
        List<PendingLot> lots = originalLot is not null
            ? [originalLot]
            : [.. pendingLots.OrderByDescending(lot => lot.EarnedAt).ThenByDescending(lot => lot.EventId, StringComparer.Ordinal)];
        foreach (var lot in lots)
        {
            if (fromPending == points)
            {
                break;
            }

            fromPending += lot.Take(points - fromPending);
        }

        pendingLots.RemoveAll(lot => lot.Points == 0);
        Ledger.AddEntry(LedgerKind.ClawedBack, PointsBalance.Pending, -fromPending, reason, refund.EventId, refund.OccurredAt);
        var fromAvailable = points - fromPending;
        TakeAvailable(fromAvailable);
        Ledger.AddEntry(LedgerKind.ClawedBack, PointsBalance.Available, -fromAvailable, reason, refund.EventId, refund.OccurredAt);
    }

    /// <summary>
    /// Points available at once and counted as earned: a bonus (the default), or what an engagement earned
    /// (<paramref name="kind"/> earned, with its event id). False for none.
    /// </summary>
    public bool Credit(
        long points, string reason, ProgramConfig config, TimeZoneInfo zone, DateTimeOffset at, LedgerKind kind = LedgerKind.Bonus, string? eventId = null)
    {
        if (points <= 0)
        {
            return false;
        }

        LifetimeEarned = checked(LifetimeEarned + points);
        Ledger.AddEntry(kind, PointsBalance.Available, points, reason, eventId, at);
        AddAvailable(points, reason, at, config, zone);
        return true;
    }

    /// <summary>Spends available points on a reward; false, changing nothing, when there are not enough.</summary>
    public bool Spend(long points, string rewardId, string redemptionId, DateTimeOffset now)
    {
        if (Available < points)
        {
            return false;
        }

        TakeAvailable(points);
        Redeemed += points;
        Ledger.AddEntry(LedgerKind.Redeemed, PointsBalance.Available, -points, $"reward {rewardId}", redemptionId, now);
        return true;
    }

    /// <summary>
    /// A manual adjustment of available points, not counted as earned: a credit forms a lot that expires like any
    /// (after repaying a negative balance), a debit takes from the lots that expire first. False, changing nothing,
    /// for a debit beyond the available balance.
    /// </summary>
    public bool Adjust(long points, string reason, string adjustmentId, DateTimeOffset at, ProgramConfig config)
    {
        if (points < 0 && Available < -points)
        {
            return false;
        }

        if (points > 0)
        {
            AddAvailable(points, $"adjustment {adjustmentId}", at, config, ProgramCalendar.Zone(config));
        }
        else
        {
            TakeAvailable(-points);
        }

        Adjusted = checked(Adjusted + points);
        Ledger.AddEntry(LedgerKind.Adjusted, PointsBalance.Available, points, reason, adjustmentId, at);
        return true;
    }

    /// <summary>A cancelled redemption's points come back as a lot dated from the redemption, so cancelling never extends their life.</summary>
    public void GiveBack(string redemptionId, Redemption redemption, ProgramConfig config, DateTimeOffset now)
    {
        AddAvailable(redemption.Points, $"redemption {redemptionId}", redemption.RedeemedAt, config, ProgramCalendar.Zone(config));
        Redeemed -= redemption.Points;
        Ledger.AddEntry(LedgerKind.Adjusted, PointsBalance.Available, redemption.Points, $"{CancelledRedemptionReason}: reward {redemption.RewardId}", redemptionId, now);
    }

    /// <summary>Pending lots whose return window is over become available, oldest first. True if any did.</summary>
    public bool Mature(ProgramConfig config, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (!AnyMatured(now))
        {
            return false; // the usual case on every touch: nothing to sort, nothing to allocate
        }

        var due = pendingLots.Where(lot => lot.MaturesAt <= now).OrderBy(lot => lot.MaturesAt).ToList();
        foreach (var lot in due)
        {
            var reason = $"purchase {lot.EventId}: return window over";
            Ledger.AddEntry(LedgerKind.Matured, PointsBalance.Pending, -lot.Points, reason, lot.EventId, lot.MaturesAt);
            Ledger.AddEntry(LedgerKind.Matured, PointsBalance.Available, lot.Points, reason, lot.EventId, lot.MaturesAt);
            AddAvailable(lot.Points, lot.EventId, lot.MaturesAt, config, zone);
            pendingLots.Remove(lot);
        }

        return true;
    }

    /// <summary>Lots whose time has come expire, each with its own ledger entry at its expiry time. True if any did.</summary>
    public bool Expire(DateTimeOffset now)
    {
        var expired = AvailableLots.Expire(now);
        foreach (var lot in expired)
        {
            Available = checked(Available - lot.Points);
            Expired = checked(Expired + lot.Points);
            Ledger.AddEntry(LedgerKind.Expired, PointsBalance.Available, -lot.Points, $"points of {lot.Source} expired", null, lot.ExpiresAt!.Value);
        }

        return expired.Count > 0;
    }

    /// <summary>Available points that expire within <see cref="ProgramConfig.ExpiryWarningDays"/> of <paramref name="now"/>.</summary>
    public ExpiringPoints? ExpiringSoon(ProgramConfig config, DateTimeOffset now) =>
        AvailableLots.ExpiringBy(now.AddDays(config.ExpiryWarningDays)) is { Points: > 0, First: { } first } soon
            ? new ExpiringPoints(soon.Points, first)
            : null;

    /// <summary>The earliest moment a pending lot matures or available points expire.</summary>
    public DateTimeOffset? NextChangeAt()
    {
        var next = AvailableLots.NextExpiry;
        foreach (var lot in pendingLots)
        {
            next = next is null || lot.MaturesAt < next ? lot.MaturesAt : next;
        }

        return next;
    }

    public bool AtLimit()
    {
        static bool Beyond(long total) => total is > EventLimits.MaxMemberTotal or < -EventLimits.MaxMemberTotal;
        return Beyond(LifetimeEarned) || Beyond(ClawedBack) || Beyond(Available) || Beyond(Redeemed) || Beyond(Expired) || Beyond(Adjusted);
    }

    private bool AnyMatured(DateTimeOffset now)
    {
        foreach (var lot in pendingLots)
        {
            if (lot.MaturesAt <= now)
            {
                return true;
            }
        }

        return false;
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
}

/// <summary>
/// A member's point totals: the available balance and what was ever earned, clawed back, redeemed and expired, and
/// the net of manual adjustments.
/// </summary>
public sealed record MemberPointTotals(long Available, long LifetimeEarned, long ClawedBack, long Redeemed, long Expired, long Adjusted = 0);

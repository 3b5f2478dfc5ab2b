using Loyalty.Domain;

namespace Loyalty.Grains.Members.Storage;

/// <summary>The one place that maps a member between the rule book and its stored form, either way, every schema.</summary>
public static class StoredMemberMapping
{
    public static StoredMember ToStored(this MemberAccount account)
    {
        var points = account.Points;
        return new StoredMember
        {
            Schema = StoredMember.CurrentSchema,
            MemberId = account.MemberId,
            Version = account.Version,
            RulesVersion = account.RulesVersion,
            LastEarning = account.LastEarning is { } e
                ? new StoredEarning(e.EventId, e.OccurredAt, e.BasePoints, [.. e.Rules.Select(r => new StoredRulePoints(r.RuleId, r.Points, r.Kind))], e.Total, e.Capped)
                : null,
            Available = points.Available,
            LifetimeEarned = points.LifetimeEarned,
            ClawedBack = points.ClawedBack,
            Redeemed = points.Redeemed,
            Expired = points.Expired,
            PendingLots = [.. points.PendingLots.Select(l => new StoredPendingLot(l.EventId, l.Points, l.EarnedAt, l.MaturesAt))],
            AvailableLots = new StoredAvailableLots { Lots = [.. points.AvailableLots.Lots.Select(l => new StoredAvailableLot(l.Source, l.Points, l.AvailableAt, l.ExpiresAt))] },
            EarnedByDay = points.EarnedByDay.ToDictionary(),
            LedgerCount = account.Ledger.Count,
            PendingLedger = [.. account.Ledger.Pending.Select(ToStored)],
            LifetimeSpendMinor = account.Purchases.LifetimeSpendMinor,
            PurchaseCount = account.Purchases.Count,
            Purchases = account.Purchases.Held.ToDictionary(
                p => p.Key, p => new StoredPurchase(p.Value.AmountMinor, p.Value.PointsEarned, p.Value.OccurredAt)
                {
                    RefundedMinor = p.Value.RefundedMinor,
                    PointsClawedBack = p.Value.PointsClawedBack,
                }),
            SeenEvents = StoredSeenEventsMapping.ToStored(account.SeenEvents),
            Tier = new StoredTier
            {
                Current = account.Tier.Current,
                AnniversaryBase = account.Tier.AnniversaryBase,
                AnniversariesJudged = account.Tier.AnniversariesJudged,
                MonthlySpend = account.Tier.MonthlySpend.ToDictionary(),
            },
            Streak = ToStored(account.Streak),
            RfmData = new StoredRfm { LastPurchaseAt = account.Rfm.LastPurchaseAt, MonthlyPurchases = account.Rfm.MonthlyPurchases.ToDictionary() },
            PeriodTotals = account.Periods.Totals.ToDictionary(
                p => p.Key, p => new StoredPeriodTotals(p.Value.NetPoints, p.Value.NetSpendMinor, p.Value.Purchases, p.Value.ReachedAt)),
            Badges = account.Badges.Awarded.ToDictionary(),
            Surprises = account.Badges.Surprises.ToDictionary(),
            BirthDate = account.Badges.BirthDate,
            BirthdayYearDone = account.Badges.BirthdayYearDone,
            Challenges = account.Challenges.ById.ToDictionary(c => c.Key, c => ToStored(c.Value)),
            ChallengesCounted = [.. account.Challenges.Counted],
            Referral = new StoredReferral
            {
                Code = account.Referral.Code,
                ReferredBy = account.Referral.ReferredBy,
                Qualified = account.Referral.Qualified,
                ReferrerToCredit = account.Referral.ReferrerToCredit,
                QualifiedAt = account.Referral.QualifiedAt,
                CreditedReferees = [.. account.Referral.CreditedReferees],
            },
            Redemptions = account.Redemptions.ById.ToDictionary(
                r => r.Key, r => new StoredRedemption(r.Value.RewardId, r.Value.Points, r.Value.RedeemedAt, r.Value.CancelledAt)),
            NotificationSequence = account.News.Sequence,
            Outbox = [.. account.News.Outbox.Select(ToStored)],
            RecentNotifications = [.. account.News.Recent.Select(ToStored)],
            ExpiryAnnouncedFor = account.News.ExpiryAnnouncedFor,
            Adjusted = points.Adjusted,
            Adjustments = StoredActivityMapping.ToStored(account.Adjustments),
            Engagement = StoredActivityMapping.ToStored(account.Engagements),
            Surveys = StoredActivityMapping.ToStored(account.Surveys),
            SurveyBonusPeriods = StoredActivityMapping.BonusPeriods(account.Surveys),
            Kpis = account.Kpis.ToStored(),
        };
    }

    /// <summary>A member of any stored schema; schema 1 may carry the forms stored before it (a whole ledger, ids without times).</summary>
    public static MemberAccount FromStored(this StoredMember stored)
    {
        if (stored.Schema > StoredMember.CurrentSchema)
        {
            throw new NotSupportedException($"Member '{stored.MemberId}' is stored in schema {stored.Schema}; this version reads up to {StoredMember.CurrentSchema}.");
        }

        var ledger = MemberLedgerWriter.Restore(stored.LedgerCount, PendingLedger(stored).Select(FromStored));
        var points = MemberPoints.Restore(
            new MemberPointTotals(stored.Available, stored.LifetimeEarned, stored.ClawedBack, stored.Redeemed, stored.Expired, stored.Adjusted),
            stored.PendingLots.Select(l => new PendingLot(l.EventId, l.Points, l.EarnedAt, l.MaturesAt)),
            AvailableLots.Restore(stored.AvailableLots.Lots.Select(l => new AvailableLot(l.Source, l.Points, l.AvailableAt, l.ExpiresAt))),
            stored.EarnedByDay,
            ledger);
        var parts = new MemberParts(
            points,
            MemberPurchases.Restore(stored.LifetimeSpendMinor, stored.PurchaseCount, stored.Purchases.Select(p => KeyValuePair.Create(
                p.Key, new PurchaseRecord(p.Value.AmountMinor, p.Value.PointsEarned, p.Value.OccurredAt, p.Value.RefundedMinor, p.Value.PointsClawedBack)))),
            StoredSeenEventsMapping.FromStored(stored.SeenEvents),
            TierState.Restore(stored.Tier.Current, stored.Tier.AnniversaryBase, stored.Tier.AnniversariesJudged, stored.Tier.MonthlySpend),
            FromStored(stored.Streak),
            RfmState.Restore(stored.RfmData.LastPurchaseAt, stored.RfmData.MonthlyPurchases),
            MemberPeriods.Restore(stored.PeriodTotals.Select(p => KeyValuePair.Create(
                p.Key, new PeriodTotals(p.Value.NetPoints, p.Value.NetSpendMinor, p.Value.Purchases, p.Value.ReachedAt)))),
            MemberBadges.Restore(stored.Badges, stored.Surprises, stored.BirthDate, stored.BirthdayYearDone),
            MemberChallenges.Restore(stored.Challenges.Select(c => KeyValuePair.Create(c.Key, FromStored(c.Value))), stored.ChallengesCounted),
            MemberReferral.Restore(
                stored.Referral.Code, stored.Referral.ReferredBy, stored.Referral.Qualified, stored.Referral.ReferrerToCredit,
                stored.Referral.QualifiedAt, stored.Referral.CreditedReferees),
            MemberRedemptions.Restore(stored.Redemptions.Select(r => KeyValuePair.Create(
                r.Key, new Redemption(r.Value.RewardId, r.Value.Points, r.Value.RedeemedAt, r.Value.CancelledAt)))),
            MemberNews.Restore(
                stored.NotificationSequence, stored.Outbox.Select(FromStored), stored.RecentNotifications.Select(FromStored), stored.ExpiryAnnouncedFor),
            StoredActivityMapping.EngagementFrom(stored),
            StoredActivityMapping.SurveysFrom(stored),
            StoredActivityMapping.AdjustmentsFrom(stored));
        var lastEarning = stored.LastEarning is { } e
            ? new AppliedEarning(e.EventId, e.OccurredAt, e.BasePoints, [.. e.Rules.Select(r => new RulePoints(r.RuleId, r.Points, r.Kind))], e.Total, e.Capped)
            : null;
        return MemberAccount.Restore(stored.MemberId, stored.Version, stored.RulesVersion, lastEarning, parts).WithKpis(stored.Kpis.FromStored());
    }

    /// <summary>A whole ledger stored with the state becomes pending, so it is appended to the store like any turn's entries.</summary>
    private static IEnumerable<StoredLedgerEntry> PendingLedger(StoredMember stored) =>
        stored.Entries is [.., var last] entries
            ? [.. entries, .. stored.PendingLedger.Where(e => e.Sequence > last.Sequence)]
            : stored.PendingLedger;

    private static StoredStreak ToStored(StreakState streak) => new()
    {
        Periods = [.. streak.Periods],
        Best = streak.Best,
        BestTrimmed = streak.BestTrimmed,
        FreezeTokens = streak.FreezeTokens,
        LastRun = streak.LastRun,
    };

    private static StreakState FromStored(StoredStreak streak) =>
        StreakState.Restore(streak.Periods, streak.Best, streak.BestTrimmed, streak.FreezeTokens, streak.LastRun);

    private static StoredChallengeProgress ToStored(ChallengeProgress progress) => new()
    {
        SpendMinor = progress.SpendMinor,
        Purchases = progress.Purchases,
        Categories = [.. progress.Categories],
        Streak = ToStored(progress.Streak),
        CountedSpend = progress.CountedSpend.ToDictionary(),
        ValueChangedAt = progress.ValueChangedAt,
        CompletedAt = progress.CompletedAt,
        Position = progress.Position,
        Winner = progress.Winner,
        Engagements = progress.Engagements,
    };

    private static ChallengeProgress FromStored(StoredChallengeProgress progress) => ChallengeProgress.Restore(
        progress.SpendMinor, progress.Purchases, progress.Categories, FromStored(progress.Streak), progress.CountedSpend,
        progress.ValueChangedAt, progress.CompletedAt, progress.Position, progress.Winner, progress.Engagements);

    private static StoredLedgerEntry ToStored(LedgerEntry e) => new(e.Sequence, e.Kind, e.Balance, e.Points, e.Reason, e.EventId, e.OccurredAt);

    private static LedgerEntry FromStored(StoredLedgerEntry e) => new(e.Sequence, e.Kind, e.Balance, e.Points, e.Reason, e.EventId, e.OccurredAt);

    private static StoredNotification ToStored(MemberNotification n) =>
        new(n.Sequence, n.Kind, n.OccurredAt, n.Tier, n.Badge, n.Challenge, n.Points, n.ExpiresAt);

    private static MemberNotification FromStored(StoredNotification n) =>
        new(n.Sequence, n.Kind, n.OccurredAt, n.Tier, n.Badge, n.Challenge, n.Points, n.ExpiresAt);
}

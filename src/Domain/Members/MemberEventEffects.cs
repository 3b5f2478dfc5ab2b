namespace Loyalty.Domain;

/// <summary>
/// What an event does to each part of a member: points and their ledger, held purchases, spend for the tier, the
/// streak, recency and frequency, the period totals of the leaderboards, engagements and survey answers.
/// </summary>
internal sealed class MemberEventEffects(MemberAccount account, MemberBonuses bonuses)
{
    /// <summary>The purchase's points under the member's segment; refuses a purchase earning beyond the bound.</summary>
    public EarningResult PlanEarning(Purchase purchase, ProgramConfig config, TimeZoneInfo zone)
    {
        var day = ProgramCalendar.DayKey(ProgramCalendar.LocalDate(purchase.OccurredAt, zone));
        var segment = new MemberSegment(config.Tiers[account.Tier.IndexOf(config.Tiers)].Name, account.Rfm.Scores(config, account.Tier, purchase.OccurredAt));
        var earning = EarningCalculator.Calculate(purchase, config, account.Points.EarnedOn(day), segment);
        return earning.Total <= Bounds.MaxEventPoints
            ? earning
            : throw new EventNotApplicableException(purchase.EventId, "amountMinor", $"earns more than {Bounds.MaxEventPoints} points under the program's rules");
    }

    /// <summary>Earns the planned points (pending), holds the purchase for returns, and counts it everywhere else.</summary>
    public void ApplyPurchase(Purchase purchase, EarningResult earning, ProgramConfig config, TimeZoneInfo zone, DateTimeOffset now)
    {
        var date = ProgramCalendar.LocalDate(purchase.OccurredAt, zone);
        if (account.LastEarning is null || purchase.OccurredAt >= account.LastEarning.OccurredAt)
        {
            account.LastEarning = AppliedEarning.From(purchase, earning);
        }

        account.Points.Earn(purchase, earning, ProgramCalendar.DayKey(date), config);
        foreach (var forgotten in account.Purchases.Add(purchase, earning.Total, config))
        {
            // No longer held, still a duplicate if sent again within the window: remembered from now on.
            account.SeenEvents.Add(forgotten, now, config.DuplicateWindowDays);
        }

        account.Rfm.AddPurchase(date, purchase.OccurredAt);
        account.Tier.AddSpend(date, purchase.AmountMinor);
        account.Tier.TryUpgrade(config.Tiers, date, purchase.OccurredAt);
        account.Streak.Add(ProgramCalendar.PeriodNumber(date, config.StreakUnit), config.StreakFreezes);
        account.Periods.Add(purchase.OccurredAt, zone, config.LeaderboardRetention, now, earning.Total, purchase.AmountMinor, purchases: 1);
    }

    /// <summary>
    /// Claws back the points of a return: of its original purchase when held, else at the base rate; spend, challenge
    /// progress and period totals go back with it.
    /// </summary>
    public void ApplyReturn(Return refund, ProgramConfig config, TimeZoneInfo zone, DateTimeOffset now)
    {
        long refundMinor, points;
        DateOnly spendMonth;
        string reason;
        string? originalLot = null;
        if (refund.OriginalEventId is { } originalId && account.Purchases.Held.TryGetValue(originalId, out var original))
        {
            (refundMinor, points) = original.Refund(refund.AmountMinor);
            spendMonth = ProgramCalendar.LocalDate(original.OccurredAt, zone);
            originalLot = originalId;
            reason = $"return {refund.EventId} of purchase {originalId}: {refundMinor} of {original.AmountMinor} refunded, "
                + $"{original.PointsClawedBack} of {original.PointsEarned} points clawed back in total";
            account.Challenges.Refund(originalId, refundMinor, original, refund.OccurredAt);
        }
        else
        {
            refundMinor = refund.AmountMinor;
            points = EarningCalculator.BasePoints(refund.AmountMinor, config);
            spendMonth = ProgramCalendar.LocalDate(refund.OccurredAt, zone);
            reason = $"return {refund.EventId}: {refundMinor} reversed at the base rate";
        }

        account.Points.ClawBack(points, originalLot, reason, refund);
        account.Purchases.Refunded(refundMinor);
        account.Tier.AddSpend(spendMonth, -refundMinor);
        account.Periods.Add(refund.OccurredAt, zone, config.LeaderboardRetention, now, -points, -refundMinor, purchases: 0);
    }

    /// <summary>
    /// Counts the engagement; its kind's rule, if any, earns its points (available at once, within the daily cap) and
    /// may keep the streak; engagement challenges dated around it advance.
    /// </summary>
    public void ApplyEngagement(Engagement engagement, ProgramConfig config, TimeZoneInfo zone, IReadOnlyList<Challenge> challenges, DateTimeOffset now)
    {
        var date = ProgramCalendar.LocalDate(engagement.OccurredAt, zone);
        account.Challenges.AddEngagement(engagement, challenges, config, zone, account.NewestActivityAt);
        account.Engagements.Record(engagement);
        if (config.EngagementRules.Find(rule => rule.Kind == engagement.Kind) is not { } rule)
        {
            return;
        }

        if (rule.Points > 0 && account.Engagements.TakeReward(ProgramCalendar.DayKey(date), rule))
        {
            bonuses.Credit(rule.Points, $"engagement {engagement.Kind}", config, zone, engagement.OccurredAt, now, LedgerKind.Earned, engagement.EventId);
        }

        if (rule.CountsForStreak)
        {
            account.Streak.Add(ProgramCalendar.PeriodNumber(date, config.StreakUnit), config.StreakFreezes);
        }
    }

    /// <summary>Keeps the answer (the newest per survey kind is what counts) and credits the kind's bonus once per period.</summary>
    public void ApplySurvey(SurveyAnswer answer, ProgramConfig config, TimeZoneInfo zone, DateTimeOffset now)
    {
        account.Surveys.Record(answer);
        if (config.SurveyBonuses.Find(bonus => bonus.Survey == answer.Survey) is not { } bonus)
        {
            return;
        }

        var start = MemberSurveys.PeriodStart(ProgramCalendar.LocalDate(answer.OccurredAt, zone), bonus.Per);
        if (account.Surveys.TakeBonus(answer.Survey, start))
        {
            var period = $"{bonus.Per.ToString().ToLowerInvariant()} from {ProgramCalendar.DayKey(start)}";
            bonuses.Credit(bonus.Points, $"survey {SurveyScales.Name(answer.Survey)} answered ({period})", config, zone, answer.OccurredAt, now,
                LedgerKind.Bonus, answer.EventId);
        }
    }
}

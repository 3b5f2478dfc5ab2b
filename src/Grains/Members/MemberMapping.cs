using System.Collections.Immutable;
using System.Text.Json;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces.Events;
using Loyalty.Grains.Interfaces.Members;
using Loyalty.Grains.Interfaces.Notifications;

namespace Loyalty.Grains.Members;

/// <summary>Translates between the wire records and the rule book's types.</summary>
internal static class MemberMapping
{
    public static LoyaltyEvent ToDomain(this MemberEvent e) => e.Kind switch
    {
        MemberEventKind.Purchase => new Purchase(
            e.EventId, e.MemberId, e.OccurredAt, e.AmountMinor, e.Currency,
            e.Lines.IsDefault ? [] : [.. e.Lines.Select(l => new PurchaseLine(l.Sku, l.Category, l.Quantity, l.UnitPriceMinor))],
            e.Channel),
        MemberEventKind.Return => new Return(e.EventId, e.MemberId, e.OccurredAt, e.AmountMinor, e.Currency, e.OriginalEventId),
        MemberEventKind.Engagement => new Engagement(e.EventId, e.MemberId, e.OccurredAt, e.EngagementKind ?? ""),
        MemberEventKind.Survey => new SurveyAnswer(
            e.EventId, e.MemberId, e.OccurredAt,
            SurveyScales.TryParse(e.Survey, out var survey) ? survey : throw new EventNotApplicableException(e.EventId, "survey", "must be nps, csat or ces"),
            e.Score ?? throw new EventNotApplicableException(e.EventId, "score", "is required")),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.Kind, "Unknown event kind."),
    };

    public static MemberSnapshot ToSnapshot(this MemberView view, string programId) => new(
        view.MemberId,
        new PointsSnapshot(
            view.Points.Available, view.Points.Pending, view.Points.LifetimeEarned,
            view.Points.ClawedBack, view.Points.Redeemed, view.Points.Expired,
            view.Points.ExpiringSoon is { } soon ? new ExpiringPointsSnapshot(soon.Points, soon.FirstAt) : null,
            view.Points.Adjusted),
        view.LifetimeSpendMinor,
        new TierSnapshot(view.Tier.Current, view.Tier.Next, view.Tier.QualifyingSpendMinor, view.Tier.NextThresholdMinor),
        new StreakSnapshot(view.Streak.Unit, view.Streak.Current, view.Streak.Best, view.Streak.FreezeTokens),
        [.. view.Badges.Select(b => new BadgeSnapshot(b.Id, b.AwardedAt))],
        [.. view.Challenges.Select(c => new ChallengeSnapshot(c.ChallengeId, c.Progress, c.Value, c.Target, c.CompletedAt, c.Position, c.Winner))],
        [.. view.Notifications.Select(n => n.ToNotification(programId, view.MemberId))],
        new RulesSnapshot(
            view.Rules.ProgramVersion,
            view.Rules.LastPurchase is { } e
                ? new EarningSnapshot(e.EventId, e.OccurredAt, e.BasePoints, [.. e.Rules.Select(r => new AppliedRuleSnapshot(r.RuleId, r.Points, JsonNamingPolicy.CamelCase.ConvertName(r.Kind.ToString())))], e.Total, e.Capped)
                : null),
        view.Rfm is { } rfm ? new RfmSnapshot(rfm.Recency, rfm.Frequency, rfm.Monetary) : null,
        view.BirthDate,
        new EngagementSnapshot(view.Engagement.Total, view.Engagement.ByKind.ToImmutableDictionary(StringComparer.Ordinal), view.Engagement.LastAt),
        [.. view.Surveys.Select(s => new SurveySnapshot(SurveyScales.Name(s.Survey), s.Score, s.AnsweredAt, s.Responses))]);

    /// <summary>The adjustment as kept (when the outcome has one), else what was asked.</summary>
    public static AdjustmentResult ToResult(this Adjustment? kept, AdjustOutcome outcome, string adjustmentId, long points, string reason) =>
        outcome is AdjustOutcome.Adjusted or AdjustOutcome.AlreadyAdjusted && kept is not null
            ? new(outcome == AdjustOutcome.Adjusted ? AdjustmentStatus.Adjusted : AdjustmentStatus.AlreadyAdjusted, adjustmentId, kept.Points, kept.Reason, kept.AdjustedAt)
            : new(outcome == AdjustOutcome.AdjustmentIdTaken ? AdjustmentStatus.AdjustmentIdTaken : AdjustmentStatus.InsufficientPoints, adjustmentId, points, reason, null);

    public static Notification ToNotification(this MemberNotification n, string programId, string memberId) => new(
        $"{programId}/{memberId}/{n.Sequence}",
        programId,
        memberId,
        JsonNamingPolicy.CamelCase.ConvertName(n.Kind.ToString()),
        n.OccurredAt,
        n.Tier,
        n.Badge,
        n.Challenge,
        n.Points,
        n.ExpiresAt);

    public static LedgerLine ToLine(this LedgerEntry entry) => new(
        entry.Sequence,
        JsonNamingPolicy.CamelCase.ConvertName(entry.Kind.ToString()),
        JsonNamingPolicy.CamelCase.ConvertName(entry.Balance.ToString()),
        entry.Points,
        entry.Reason,
        entry.EventId,
        entry.OccurredAt);
}

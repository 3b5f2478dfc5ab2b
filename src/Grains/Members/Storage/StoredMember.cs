using System.Text.Json.Serialization;
using Loyalty.Domain;

namespace Loyalty.Grains.Members.Storage;

/// <summary>
/// A member as grain storage holds it: plain data, versioned by <see cref="Schema"/>, mapped to and from the rule
/// book by <see cref="StoredMemberMapping"/> only. Schema 1 (no number) is the rule book's own account as stored
/// before the stored form had one; schema 2 has the same fields; schema 3 groups seen ids by the minute they were
/// applied and leaves out empty collections and zero values. All three read through this type.
/// </summary>
public sealed record StoredMember
{
    public const int CurrentSchema = 3;

    /// <summary>Absent (0) in states stored as schema 1.</summary>
    public int Schema { get; init; }

    public string MemberId { get; init; } = "";

    public long Version { get; init; }

    public int RulesVersion { get; init; }

    public StoredEarning? LastEarning { get; init; }

    public long Available { get; init; }

    public long LifetimeEarned { get; init; }

    public long ClawedBack { get; init; }

    public long Redeemed { get; init; }

    public long Expired { get; init; }

    public List<StoredPendingLot> PendingLots { get; init; } = [];

    public StoredAvailableLots AvailableLots { get; init; } = new();

    public Dictionary<string, long> EarnedByDay { get; init; } = [];

    public long LedgerCount { get; init; }

    public List<StoredLedgerEntry> PendingLedger { get; init; } = [];

    /// <summary>States stored before the ledger had its own store carry the whole ledger here; never written.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<StoredLedgerEntry>? Entries { get; init; }

    public long LifetimeSpendMinor { get; init; }

    public int PurchaseCount { get; init; }

    public Dictionary<string, StoredPurchase> Purchases { get; init; } = [];

    public StoredSeenEvents SeenEvents { get; init; } = new();

    public StoredTier Tier { get; init; } = new();

    public StoredStreak Streak { get; init; } = new();

    public StoredRfm RfmData { get; init; } = new();

    public Dictionary<string, StoredPeriodTotals> PeriodTotals { get; init; } = [];

    public Dictionary<string, DateTimeOffset> Badges { get; init; } = [];

    public Dictionary<string, DateTimeOffset> Surprises { get; init; } = [];

    public DateOnly? BirthDate { get; init; }

    public int? BirthdayYearDone { get; init; }

    public Dictionary<string, StoredChallengeProgress> Challenges { get; init; } = [];

    public List<string> ChallengesCounted { get; init; } = [];

    public StoredReferral Referral { get; init; } = new();

    public Dictionary<string, StoredRedemption> Redemptions { get; init; } = [];

    public long NotificationSequence { get; init; }

    public List<StoredNotification> Outbox { get; init; } = [];

    public List<StoredNotification> RecentNotifications { get; init; } = [];

    public DateTimeOffset? ExpiryAnnouncedFor { get; init; }

    /// <summary>The net of manual adjustments; absent (0) in states stored before there were any.</summary>
    public long Adjusted { get; init; }

    /// <summary>Manual adjustments by id, kept for the program's retention.</summary>
    public Dictionary<string, StoredAdjustment> Adjustments { get; init; } = [];

    /// <summary>Null for a member without engagements.</summary>
    public StoredEngagement? Engagement { get; init; }

    /// <summary>The newest answer per survey kind ("nps", "csat", "ces").</summary>
    public Dictionary<string, StoredSurveyResponses> Surveys { get; init; } = [];

    /// <summary>First days of the periods whose survey bonus was credited, per survey kind.</summary>
    public Dictionary<string, List<DateOnly>> SurveyBonusPeriods { get; init; } = [];

    public StoredMemberKpis? Kpis { get; init; }
}

public sealed record StoredAdjustment(long Points, string Reason, DateTimeOffset AdjustedAt);

public sealed record StoredEngagement
{
    public long Total { get; init; }

    public DateTimeOffset? LastAt { get; init; }

    public Dictionary<string, long> ByKind { get; init; } = [];

    public Dictionary<string, Dictionary<string, int>> RewardedByDay { get; init; } = [];
}

public sealed record StoredSurveyResponses(int Score, DateTimeOffset AnsweredAt, string EventId, long Responses);

public sealed record StoredEarning(string EventId, DateTimeOffset OccurredAt, long BasePoints, List<StoredRulePoints> Rules, long Total, bool Capped);

public sealed record StoredRulePoints(string RuleId, long Points, RuleKind Kind);

public sealed record StoredPendingLot(string EventId, long Points, DateTimeOffset EarnedAt, DateTimeOffset MaturesAt);

public sealed record StoredAvailableLots
{
    public List<StoredAvailableLot> Lots { get; init; } = [];
}

public sealed record StoredAvailableLot(string Source, long Points, DateTimeOffset AvailableAt, DateTimeOffset? ExpiresAt);

public sealed record StoredLedgerEntry(
    long Sequence, LedgerKind Kind, PointsBalance Balance, long Points, string Reason, string? EventId, DateTimeOffset OccurredAt);

public sealed record StoredPurchase(long AmountMinor, long PointsEarned, DateTimeOffset OccurredAt)
{
    /// <summary>Left out while zero, as most purchases are never refunded.</summary>
    public long RefundedMinor { get; init; }

    /// <summary>Left out while zero.</summary>
    public long PointsClawedBack { get; init; }
}

public sealed record StoredSeenEvents
{
    /// <summary>Schema 3: ids by when they were applied, rounded up to a UTC minute ("2026-12-02T21:54Z"), oldest first.</summary>
    public Dictionary<string, List<string>> ByMinute { get; init; } = [];

    /// <summary>Schemas 1 and 2, and ids stored before times were kept (no time).</summary>
    public List<StoredSeenEvent> Seen { get; init; } = [];

    /// <summary>The form stored before ids carried their time; never written.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Ids { get; init; }
}

/// <param name="AppliedAt">Null for ids stored before times were kept.</param>
public sealed record StoredSeenEvent(string Id, DateTimeOffset? AppliedAt);

public sealed record StoredTier
{
    public string Current { get; init; } = "";

    public DateTimeOffset? AnniversaryBase { get; init; }

    public int AnniversariesJudged { get; init; }

    public Dictionary<string, long> MonthlySpend { get; init; } = [];
}

public sealed record StoredStreak
{
    public List<int> Periods { get; init; } = [];

    public int Best { get; init; }

    public int BestTrimmed { get; init; }

    public int FreezeTokens { get; init; }

    public int LastRun { get; init; }
}

public sealed record StoredRfm
{
    public DateTimeOffset? LastPurchaseAt { get; init; }

    public Dictionary<string, int> MonthlyPurchases { get; init; } = [];
}

public sealed record StoredPeriodTotals(long NetPoints, long NetSpendMinor, int Purchases, DateTimeOffset ReachedAt);

public sealed record StoredChallengeProgress
{
    public long SpendMinor { get; init; }

    public int Purchases { get; init; }

    public List<string> Categories { get; init; } = [];

    public StoredStreak Streak { get; init; } = new();

    public Dictionary<string, long> CountedSpend { get; init; } = [];

    public DateTimeOffset ValueChangedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public int? Position { get; init; }

    public bool Winner { get; init; }

    public long Engagements { get; init; }
}

public sealed record StoredReferral
{
    public string? Code { get; init; }

    public string? ReferredBy { get; init; }

    public bool Qualified { get; init; }

    public string? ReferrerToCredit { get; init; }

    public DateTimeOffset? QualifiedAt { get; init; }

    public List<string> CreditedReferees { get; init; } = [];
}

public sealed record StoredRedemption(string RewardId, long Points, DateTimeOffset RedeemedAt, DateTimeOffset? CancelledAt);

public sealed record StoredNotification(
    long Sequence, NotificationKind Kind, DateTimeOffset OccurredAt, string? Tier, string? Badge, string? Challenge, long? Points, DateTimeOffset? ExpiresAt);

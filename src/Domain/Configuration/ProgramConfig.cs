namespace Loyalty.Domain;

/// <summary>
/// A program's rules, as program owners write them (the JSON body of PUT /v1/programs/{id}). Amounts are integer
/// minor units; rates are integers, so no rule ever needs floating point.
/// </summary>
public sealed record ProgramConfig
{
    public string Name { get; init; } = "";

    /// <summary>IANA time zone: days, weeks and months of events are counted in it.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>ISO 4217 code; events in another currency are refused.</summary>
    public string Currency { get; init; } = "GBP";

    /// <summary>Minor units in one major unit: 100 for GBP and USD, 1 for JPY.</summary>
    public long MinorUnitsPerUnit { get; init; } = 100;

    /// <summary>Base rate: points per one major unit spent.</summary>
    public long PointsPerUnit { get; init; } = 1;

    /// <summary>What one point is worth to the program, in minor units: outstanding points times this is the liability KPI.</summary>
    public long PointValueMinor { get; init; } = 1;

    /// <summary>Purchase points stay pending this long, then become available.</summary>
    public int ReturnWindowDays { get; init; } = 30;

    /// <summary>Months after maturing that available points expire; null: they never do.</summary>
    public int? ExpiryMonths { get; init; }

    /// <summary>Points expiring within this many days show as "expiring soon".</summary>
    public int ExpiryWarningDays { get; init; } = 30;

    /// <summary>Ascending qualifying-spend thresholds; the first is 0.</summary>
    public List<TierDefinition> Tiers { get; init; } = [];

    /// <summary>Days after a tier anniversary before a downgrade takes effect.</summary>
    public int TierDowngradeGraceDays { get; init; }

    public StreakUnit StreakUnit { get; init; } = StreakUnit.Day;

    /// <summary>Freeze tokens that bridge one missed streak period; absent for none.</summary>
    public StreakFreezes? StreakFreezes { get; init; }

    public List<EarningRule> EarningRules { get; init; } = [];

    public long? MaxPointsPerEvent { get; init; }

    /// <summary>Per member per calendar day (program time zone, event time).</summary>
    public long? MaxPointsPerDay { get; init; }

    /// <summary>Badges members earn once; a streak badge with bonus points is a streak milestone reward.</summary>
    public List<BadgeDefinition> Badges { get; init; } = [];

    /// <summary>Segment-targeted multipliers in a window.</summary>
    public List<Offer> Offers { get; init; } = [];

    /// <summary>Where recency, frequency and monetary scores step.</summary>
    public RfmThresholds Rfm { get; init; } = new();

    /// <summary>Milestone surprises, each given once.</summary>
    public List<Surprise> Surprises { get; init; } = [];

    /// <summary>A birthday bonus; absent for none.</summary>
    public BirthdayBonus? Birthday { get; init; }

    /// <summary>Referral rewards; absent for no referral programme.</summary>
    public ReferralProgram? Referrals { get; init; }

    /// <summary>What engagements earn, per kind; engagements of other kinds earn nothing but still count.</summary>
    public List<EngagementRule> EngagementRules { get; init; } = [];

    /// <summary>Bonuses for answering surveys, at most one per survey kind.</summary>
    public List<SurveyBonus> SurveyBonuses { get; init; } = [];

    /// <summary>
    /// Days a member keeps a manual adjustment by its id, counted from when it was made: within them a repeated
    /// adjustment id answers the first outcome. Each member also keeps at most the newest <see cref="MemberAdjustments.MaxKept"/>.
    /// </summary>
    public int AdjustmentRetentionDays { get; init; } = 90;

    /// <summary>
    /// Events dated more than this many days before they arrive raise no notification (a replayed history, a late
    /// feed); their points, tiers and badges count all the same.
    /// </summary>
    public int NewsHorizonDays { get; init; } = 7;

    /// <summary>
    /// Days a member remembers the ids of the events it applied, counted from when it applied them: a repeat within
    /// them changes nothing (so do repeats of purchases a return may still name). At least the gateways' index window.
    /// </summary>
    public int DuplicateWindowDays { get; init; } = 7;

    /// <summary>
    /// Days a member keeps a redemption after it was made or cancelled: within them it can be read back, repeated
    /// safely and cancelled. Each member also keeps at most the newest <see cref="MemberRedemptions.MaxKept"/>.
    /// </summary>
    public int RedemptionRetentionDays { get; init; } = 90;

    /// <summary>
    /// Days after a challenge ends, counted to a member's newest purchase or engagement (event time), that the member
    /// keeps their progress in it (a completion still to be placed is kept until it is); events dated in its window
    /// that reach the member later no longer count for it.
    /// </summary>
    public int ChallengeRetentionDays { get; init; } = 30;

    /// <summary>Endpoints that receive every member notification (tier up, badge, challenge, points expiring soon).</summary>
    public List<WebhookEndpoint> Webhooks { get; init; } = [];

    /// <summary>Browser apps that may call the program's routes; absent for none.</summary>
    public CorsRules? Cors { get; init; }

    /// <summary>
    /// The newest entries of each member's ledger that the ledger store keeps; older ones may be dropped when entries
    /// are appended. Null (the default): every entry is kept. Totals and offsets of ledger pages count every entry
    /// ever recorded, so a page reaching into the dropped part has fewer entries.
    /// </summary>
    public int? LedgerMaxEntries { get; init; }

    /// <summary>How long past leaderboard periods stay readable and still take late events.</summary>
    public BoardRetention LeaderboardRetention { get; init; } = new();
}

/// <summary>Past periods kept, per kind, counted from the end of the period.</summary>
public sealed record BoardRetention
{
    public int Days { get; init; } = 35;

    public int Weeks { get; init; } = 13;

    public int Months { get; init; } = 25;
}

public sealed record TierDefinition(string Name, long QualifyingSpendMinor);

public enum StreakUnit
{
    Day,

    /// <summary>ISO week, Monday to Sunday.</summary>
    Week,
}

/// <summary>When <see cref="When"/> holds for a purchase, <see cref="Then"/> adds points, at most <see cref="CapPoints"/>.</summary>
public sealed record EarningRule(string Id, RuleCondition When, RuleEffect Then, long? CapPoints = null);

/// <summary>
/// All set conditions must hold. Category and Sku select lines (the rule then applies to those lines' value);
/// Channel and MinBasketMinor look at the whole purchase.
/// </summary>
public sealed record RuleCondition(string? Category = null, string? Sku = null, string? Channel = null, long? MinBasketMinor = null)
{
    public bool SelectsLines => Category is not null || Sku is not null;
}

/// <summary>Exactly one is set: a multiplier in percent (200 = double points) or a fixed bonus per purchase.</summary>
public sealed record RuleEffect(int? MultiplierPercent = null, long? BonusPoints = null);

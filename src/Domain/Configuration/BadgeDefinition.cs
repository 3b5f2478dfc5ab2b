namespace Loyalty.Domain;

/// <summary>
/// A badge a member earns once, when its goal is first met: <c>firstPurchase</c>, <c>purchases</c> (a count),
/// <c>spend</c> (net lifetime spend in minor units), <c>streak</c> (best streak length, in the program's streak unit)
/// <c>tier</c> (the named tier or a higher one), <c>challenge</c> (the
/// named challenge completed) or <c>engagement</c> (a count of engagements, of one kind or of any). Bonus points, if any, are credited through the ledger; a streak
/// badge with bonus points is a streak milestone reward.
/// </summary>
public sealed record BadgeDefinition
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public BadgeKind Kind { get; init; }

    /// <summary>The count, spend or streak length to reach; unused by firstPurchase and tier.</summary>
    public long Target { get; init; }

    /// <summary>For <see cref="BadgeKind.Tier"/>: the tier to reach.</summary>
    public string? Tier { get; init; }

    /// <summary>For <see cref="BadgeKind.Challenge"/>: the challenge to complete.</summary>
    public string? Challenge { get; init; }

    /// <summary>For <see cref="BadgeKind.Engagement"/>: the kind of engagement counted; absent to count every kind.</summary>
    public string? EngagementKind { get; init; }

    public long BonusPoints { get; init; }
}

public enum BadgeKind
{
    FirstPurchase,
    Purchases,
    Spend,
    Streak,
    Tier,
    Challenge,
    Engagement,
}

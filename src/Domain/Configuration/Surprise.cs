namespace Loyalty.Domain;

/// <summary>
/// A milestone surprise, given once when lifetime purchases, net lifetime spend (minor units) or lifetime points
/// earned first reach <see cref="Target"/>: bonus points, and an upgrade to <see cref="UpgradeTo"/> if that tier is
/// above the member's (a gift: its anniversary starts then, and downgrades follow the usual rules).
/// </summary>
public sealed record Surprise
{
    public string Id { get; init; } = "";

    public SurpriseKind Kind { get; init; }

    public long Target { get; init; }

    public long BonusPoints { get; init; }

    public string? UpgradeTo { get; init; }
}

public enum SurpriseKind
{
    Purchases,
    Spend,
    Points,
}

/// <summary>Bonus points credited on each member's birthday, once a year.</summary>
public sealed record BirthdayBonus(long BonusPoints);

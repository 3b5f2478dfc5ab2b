namespace Loyalty.Grains.Interfaces.Leaderboards;

/// <summary>The boards every program has.</summary>
public static class Boards
{
    /// <summary>Net points earned: earned minus clawed back. Redemption and expiry do not lower it.</summary>
    public const string Points = "points";

    /// <summary>Net spend in minor units: purchases minus returns.</summary>
    public const string Spend = "spend";

    /// <summary>Purchases made in the period; returns do not lower it.</summary>
    public const string Purchases = "purchases";

    public static readonly IReadOnlyList<string> All = [Points, Spend, Purchases];
}

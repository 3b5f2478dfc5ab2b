namespace Loyalty.Domain;

/// <summary>Which of a program's badges a member has reached and not been awarded yet.</summary>
public static class BadgeAwards
{
    public static IEnumerable<BadgeDefinition> Due(MemberAccount account, ProgramConfig config) =>
        config.Badges.Where(badge => !account.Badges.Awarded.ContainsKey(badge.Id) && Reached(badge, account, config));

    private static bool Reached(BadgeDefinition badge, MemberAccount account, ProgramConfig config) => badge.Kind switch
    {
        BadgeKind.FirstPurchase => account.Purchases.Count >= 1,
        BadgeKind.Purchases => account.Purchases.Count >= badge.Target,
        BadgeKind.Spend => account.Purchases.LifetimeSpendMinor >= badge.Target,
        BadgeKind.Streak => account.Streak.Best >= badge.Target,
        BadgeKind.Tier => config.Tiers.FindIndex(t => t.Name == badge.Tier) is var target and >= 0
            && config.Tiers.FindIndex(t => t.Name == account.Tier.Current) >= target,
        BadgeKind.Challenge => badge.Challenge is not null && account.Challenges.Progress(badge.Challenge) is { Placed: true },
        BadgeKind.Engagement => account.Engagements.Count(badge.EngagementKind) >= badge.Target,
        _ => false,
    };
}

using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

/// <summary>A tier change is news once, when the tier the member holds changes, and old events raise no news.</summary>
public sealed class TierNewsTests
{
    private static readonly DateTimeOffset Now = At("2026-12-02T12:00Z");

    private static IEnumerable<(NotificationKind Kind, string? Tier)> News(MemberAccount account) =>
        account.News.Outbox.Select(n => (n.Kind, n.Tier));

    [Theory]
    [InlineData(7)]      // the default: purchases two years old are no news at all
    [InlineData(3_650)]  // within the horizon: still no news, since the tier they raised is gone again
    public void Old_purchases_that_once_reached_gold_leave_a_member_tier_and_no_tier_news(int horizonDays)
    {
        var config = Basic with { NewsHorizonDays = horizonDays };
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 600_000, "2024-01-10T10:00Z"), config, Now);
        account.Apply(Buy("p2", 1_000, "2024-01-11T10:00Z"), config, Now);
        account.Apply(Buy("p3", 1_000, "2024-01-12T10:00Z"), config, Now);

        Assert.Equal("member", account.View(config, Now).Tier.Current);
        Assert.DoesNotContain(account.News.Outbox, n => n.Kind == NotificationKind.TierUp);
    }

    [Fact]
    public void Reaching_a_tier_today_is_announced_once()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 600_000, "2026-12-02T10:00Z"), Basic, Now);
        account.Apply(Buy("p2", 1_000, "2026-12-02T11:00Z"), Basic, Now);

        Assert.Equal("gold", account.View(Basic, Now).Tier.Current);
        Assert.Equal([(NotificationKind.TierUp, "gold")], News(account));
    }

    [Fact]
    public void A_purchase_older_than_the_horizon_earns_its_badge_quietly()
    {
        var config = Basic with { Badges = [new BadgeDefinition { Id = "welcome", Name = "Welcome", Kind = BadgeKind.FirstPurchase }] };
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 1_000, "2026-11-20T10:00Z"), config, Now);

        Assert.Contains("welcome", account.Badges.Awarded.Keys);
        Assert.Empty(account.News.Outbox);
    }
}

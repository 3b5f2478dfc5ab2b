using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

public sealed class BadgeTests
{
    private static readonly ProgramConfig WithBadges = Basic with
    {
        StreakUnit = StreakUnit.Week,
        Badges =
        [
            new BadgeDefinition { Id = "welcome", Name = "Welcome", Kind = BadgeKind.FirstPurchase, BonusPoints = 25 },
            new BadgeDefinition { Id = "regular", Name = "Regular", Kind = BadgeKind.Purchases, Target = 3 },
            new BadgeDefinition { Id = "big-spender", Name = "Big spender", Kind = BadgeKind.Spend, Target = 100_000 },
            new BadgeDefinition { Id = "three-weeks", Name = "Three weeks running", Kind = BadgeKind.Streak, Target = 3, BonusPoints = 100 },
            new BadgeDefinition { Id = "silver", Name = "Silver", Kind = BadgeKind.Tier, Tier = "silver" },
        ],
    };

    [Fact]
    public void Each_badge_is_awarded_once_at_the_time_of_the_event_that_earned_it()
    {
        var account = new MemberAccount("m");
        var now = At("2026-06-30T00:00Z");
        account.Apply(Buy("p1", 1_000, "2026-06-01T10:00Z"), WithBadges, now);  // Monday, week 23
        account.Apply(Buy("p2", 1_000, "2026-06-08T10:00Z"), WithBadges, now);  // week 24
        account.Apply(Buy("p3", 98_000, "2026-06-15T10:00Z"), WithBadges, now); // week 25: third purchase, 1,000.00 spent, 3-week streak, silver
        account.Apply(Buy("p4", 1_000, "2026-06-16T10:00Z"), WithBadges, now);

        Assert.Equal(
            [("welcome", At("2026-06-01T10:00Z")), ("big-spender", At("2026-06-15T10:00Z")), ("regular", At("2026-06-15T10:00Z")),
             ("silver", At("2026-06-15T10:00Z")), ("three-weeks", At("2026-06-15T10:00Z"))],
            account.View(WithBadges, now).Badges.Select(b => (b.Id, b.AwardedAt)));

        var bonuses = account.WholeLedger.Where(e => e.Kind == LedgerKind.Bonus).ToList();
        Assert.Equal([25L, 100L], bonuses.Select(e => e.Points));
        Assert.All(bonuses, e => Assert.Equal(PointsBalance.Available, e.Balance));
        Assert.Equal(account.Points.Available, account.Sum(PointsBalance.Available));
        Assert.Equal(10 + 10 + 980 + 10 + 125, account.Points.LifetimeEarned);
        Assert.Equal(account.Points.LifetimeEarned, account.Periods.Totals[PeriodKeys.All].NetPoints);
    }

    [Fact]
    public void A_repeated_event_awards_nothing_again()
    {
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 1_000, "2026-06-01T10:00Z"), WithBadges, At("2026-06-02T00:00Z"));
        account.Apply(Buy("p1", 1_000, "2026-06-01T10:00Z"), WithBadges, At("2026-06-02T00:00Z"));
        Assert.Single(account.WholeLedger, e => e.Kind == LedgerKind.Bonus);
    }

    [Fact]
    public void Badge_definitions_are_validated_field_by_field()
    {
        var config = Basic with
        {
            Badges =
            [
                new BadgeDefinition { Id = "a", Name = "A", Kind = BadgeKind.Purchases },
                new BadgeDefinition { Id = "a", Name = "B", Kind = BadgeKind.Tier, Tier = "platinum" },
                new BadgeDefinition { Id = "c", Name = "", Kind = BadgeKind.FirstPurchase, BonusPoints = -1 },
            ],
        };

        Assert.Equal(
            ["badges[0].target", "badges[1].id", "badges[1].tier", "badges[2].name", "badges[2].bonusPoints"],
            ProgramConfigValidator.Validate(config).Select(e => e.Field));
    }
}

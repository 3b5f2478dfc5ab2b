using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

public sealed class SurpriseAndBirthdayTests
{
    private static readonly ProgramConfig WithSurprises = Basic with
    {
        NewsHorizonDays = 60,
        Surprises =
        [
            new Surprise { Id = "third", Kind = SurpriseKind.Purchases, Target = 3, BonusPoints = 30 },
            new Surprise { Id = "vip", Kind = SurpriseKind.Spend, Target = 50_000, UpgradeTo = "gold" },
            new Surprise { Id = "not-down", Kind = SurpriseKind.Points, Target = 1, UpgradeTo = "member" },
        ],
    };

    [Fact]
    public void A_surprise_is_given_once_at_its_milestone_and_an_upgrade_gift_only_ever_raises_the_tier()
    {
        var account = new MemberAccount("m");
        var now = At("2026-06-30T00:00Z");
        account.Apply(Buy("p1", 40_000, "2026-06-01T10:00Z"), WithSurprises, now);
        Assert.Equal("member", account.View(WithSurprises, now).Tier.Current);

        account.Apply(Buy("p2", 10_000, "2026-06-02T10:00Z"), WithSurprises, now);
        Assert.Equal("gold", account.View(WithSurprises, now).Tier.Current);
        Assert.Contains(account.News.Outbox, n => n is { Kind: NotificationKind.TierUp, Tier: "gold" });

        account.Apply(Buy("p3", 1_000, "2026-06-03T10:00Z"), WithSurprises, now);
        account.Apply(Buy("p4", 1_000, "2026-06-04T10:00Z"), WithSurprises, now);
        Assert.Equal([30L], account.WholeLedger.Where(e => e.Kind == LedgerKind.Bonus).Select(e => e.Points));
        Assert.Equal(At("2026-06-03T10:00Z"), account.Badges.Surprises["third"]);
        Assert.Equal("gold", account.View(WithSurprises, now).Tier.Current);
        Assert.Equal(account.Points.Available, account.Sum(PointsBalance.Available));
    }

    private static readonly ProgramConfig WithBirthday = Rome with { Birthday = new BirthdayBonus(500) };

    [Fact]
    public void The_birthday_bonus_is_credited_once_on_the_birthday_in_the_program_zone()
    {
        var account = new MemberAccount("m");
        account.SetBirthDate(new DateOnly(1990, 7, 14), WithBirthday, At("2026-06-01T00:00Z"));
        Assert.Equal(At("2026-07-13T22:00Z"), account.Badges.NextBirthdayBonusAt(WithBirthday, At("2026-06-01T00:00Z"))); // midnight in Rome

        Assert.False(account.ApplyDueWork(WithBirthday, At("2026-07-13T21:59Z")));
        Assert.True(account.ApplyDueWork(WithBirthday, At("2026-07-13T22:00Z")));
        Assert.False(account.ApplyDueWork(WithBirthday, At("2026-07-20T12:00Z")));
        var bonus = Assert.Single(account.WholeLedger, e => e.Kind == LedgerKind.Bonus);
        Assert.Equal((500L, "birthday 2026", At("2026-07-13T22:00Z")), (bonus.Points, bonus.Reason, bonus.OccurredAt));
        Assert.Equal(At("2027-07-13T22:00Z"), account.Badges.NextBirthdayBonusAt(WithBirthday, At("2026-12-31T12:00Z")));
        Assert.True(account.ApplyDueWork(WithBirthday, At("2027-07-14T12:00Z")));
        Assert.Equal(1_000, account.Points.Available);
    }

    [Fact]
    public void A_birthday_already_past_when_the_date_is_given_earns_nothing_until_next_year_but_one_today_does()
    {
        var late = new MemberAccount("late");
        late.SetBirthDate(new DateOnly(1990, 3, 1), WithBirthday, At("2026-06-01T10:00Z"));
        Assert.False(late.ApplyDueWork(WithBirthday, At("2026-06-01T10:00Z")));
        Assert.Equal(At("2027-02-28T23:00Z"), late.Badges.NextBirthdayBonusAt(WithBirthday, At("2026-06-01T10:00Z")));

        var today = new MemberAccount("today");
        today.SetBirthDate(new DateOnly(1990, 6, 1), WithBirthday, At("2026-06-01T10:00Z"));
        Assert.True(today.ApplyDueWork(WithBirthday, At("2026-06-01T10:00Z")));
    }

    [Fact]
    public void A_29_February_birthday_is_celebrated_on_28_February_in_common_years()
    {
        var account = new MemberAccount("m");
        account.SetBirthDate(new DateOnly(2000, 2, 29), WithBirthday, At("2027-01-01T00:00Z"));
        Assert.Equal(At("2027-02-27T23:00Z"), account.Badges.NextBirthdayBonusAt(WithBirthday, At("2027-01-01T00:00Z")));
        Assert.True(account.ApplyDueWork(WithBirthday, At("2027-02-28T12:00Z")));
        Assert.Equal(At("2028-02-28T23:00Z"), account.Badges.NextBirthdayBonusAt(WithBirthday, At("2027-03-01T00:00Z")));
    }

    [Fact]
    public void Surprises_and_the_birthday_bonus_are_validated_field_by_field()
    {
        var config = Basic with
        {
            Surprises = [new Surprise { Id = "s", Kind = SurpriseKind.Spend, Target = 0, UpgradeTo = "platinum" }],
            Birthday = new BirthdayBonus(0),
        };
        Assert.Equal(["surprises[0].target", "surprises[0].upgradeTo", "birthday.bonusPoints"],
            ProgramConfigValidator.Validate(config).Select(e => e.Field));
    }
}

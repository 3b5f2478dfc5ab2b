using System.Globalization;
using Loyalty.Domain;

namespace Loyalty.Grains.Tests.StoredSamples;

/// <summary>
/// The history behind <c>member-v1.json</c>: a member with something in every part of the rule book (lots pending,
/// matured and expiring, a tier, a streak, badges, a surprise, a birthday, challenges, a referral, redemptions and
/// notifications), as stored by the schema before the stored form had a version.
/// </summary>
public static class SampleMember
{
    /// <summary>The instant the stored sample's view was taken at.</summary>
    public static readonly DateTimeOffset ViewedAt = At("2026-05-10T12:00Z");

    public static readonly ProgramConfig Config = new()
    {
        Name = "sample",
        TimeZone = "Europe/Rome",
        Currency = "GBP",
        ReturnWindowDays = 14,
        ExpiryMonths = 2,
        ExpiryWarningDays = 30,
        NewsHorizonDays = 3650,

        // Far above anything the sample earns in a day: a capped program keeps earnings per day, as the sample did.
        MaxPointsPerDay = 1_000_000,

        // The rule book that stored the sample kept challenge progress for ever; this keeps "spring" past the sample's instant.
        ChallengeRetentionDays = 60,
        Tiers = [new TierDefinition("member", 0), new TierDefinition("silver", 50_000), new TierDefinition("gold", 200_000)],
        Badges = [new BadgeDefinition { Id = "welcome", Name = "Welcome", Kind = BadgeKind.FirstPurchase, BonusPoints = 5 }],
        Surprises = [new Surprise { Id = "third", Kind = SurpriseKind.Purchases, Target = 3, BonusPoints = 25 }],
        Birthday = new BirthdayBonus(40),
        Referrals = new ReferralProgram { ReferrerBonusPoints = 30, RefereeBonusPoints = 20, MinPurchaseMinor = 1_000 },
    };

    public static readonly IReadOnlyList<Challenge> Challenges =
    [
        Challenge.From("spring", new ChallengeDefinition
        {
            Name = "Spring", Start = "2026-03-01", End = "2026-04-01",
            Goal = new ChallengeGoal { Kind = ChallengeGoalKind.Purchases, Target = 2 }, Reward = new ChallengeReward(15),
        }),
        Challenge.From("may", new ChallengeDefinition
        {
            Name = "May", Start = "2026-05-01", End = "2026-06-01",
            Goal = new ChallengeGoal { Kind = ChallengeGoalKind.Spend, Target = 100_000 },
        }),
    ];

    /// <summary>The member as today's rule book leaves it after the sample history.</summary>
    public static MemberAccount Build()
    {
        var account = new MemberAccount("ada");
        account.JoinReferral("bob", ["bob"]);
        account.SetBirthDate(new DateOnly(1990, 4, 20), Config, At("2026-02-01T09:00Z"));
        Apply(account, Buy("p1", 20_000, "2026-02-02T10:00Z"), "2026-02-02T10:05Z");
        Apply(account, Buy("p2", 35_000, "2026-03-05T10:00Z"), "2026-03-05T10:05Z");
        Apply(account, Buy("p3", 12_000, "2026-03-06T18:00Z"), "2026-03-06T18:05Z");
        account.RecordChallengePlacement(Challenges[0], 1, winner: true, Config, At("2026-03-06T18:06Z"));
        account.Referral.ReferrerCredited();
        Apply(account, new Return("r1", "ada", At("2026-03-10T10:00Z"), 5_000, "GBP", "p2"), "2026-03-10T10:05Z");
        account.Redeem("red-1", "mug", 60, Config, At("2026-04-01T10:00Z"));
        account.Redeem("red-2", "cap", 20, Config, At("2026-04-02T10:00Z"));
        account.CancelRedemption("red-2", Config, At("2026-04-03T10:00Z"));
        account.CreditReferral("cy", Config, At("2026-04-04T10:00Z"), At("2026-04-04T10:01Z"));
        Apply(account, Buy("p4", 30_000, "2026-05-02T10:00Z"), "2026-05-02T10:05Z");
        Apply(account, Buy("p5", 8_000, "2026-05-03T10:00Z", channel: "app"), "2026-05-03T10:05Z");
        account.ApplyDueWork(Config, At("2026-05-04T00:00Z"));
        account.News.ClearOutboxThrough(account.News.Outbox[0].Sequence);
        return account;
    }

    /// <summary>The event applied to the loaded sample, to show that it goes on as it would have.</summary>
    public static Purchase NextEvent => Buy("p6", 45_000, "2026-05-10T11:00Z");

    private static void Apply(MemberAccount account, LoyaltyEvent e, string now) => account.Apply(e, Config, At(now), Challenges);

    private static Purchase Buy(string id, long amountMinor, string at, string? channel = null) =>
        new(id, "ada", At(at), amountMinor, "GBP", [new PurchaseLine("sku-" + id, "home", 1, amountMinor)], channel);

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}

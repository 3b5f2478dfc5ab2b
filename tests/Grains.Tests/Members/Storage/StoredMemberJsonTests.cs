using System.Text.Json;
using Loyalty.Domain;
using Loyalty.Domain.Tests;
using Loyalty.Grains.Members.Storage;
using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Grains.Tests.Members.Storage;

/// <summary>Members are stored as JSON in their stored schema: a stored and reloaded account must behave exactly like the original.</summary>
public sealed class StoredMemberJsonTests
{
    private static readonly DateTimeOffset Now = At("2026-06-01T12:00Z");

    public static TheoryData<string> Options => ["default", "web"];

    private static JsonSerializerOptions Storage(JsonSerializerOptions options)
    {
        options.Converters.Add(new StoredMemberJsonConverter());
        return options;
    }

    [Theory]
    [MemberData(nameof(Options))]
    public void A_reloaded_account_has_the_same_view_ledger_and_future(string style)
    {
        var options = Storage(style == "web" ? new JsonSerializerOptions(JsonSerializerDefaults.Web) : new JsonSerializerOptions());
        var config = Rome with { StreakUnit = StreakUnit.Week, MaxPointsPerDay = 500 };
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 150_000, "2025-05-20T10:00Z"), config, Now);
        account.Apply(Buy("p2", 10_000, "2026-05-25T10:00Z"), config, Now);
        account.Apply(Refund("r1", 4_000, "2026-05-26T10:00Z", "p2"), config, Now);

        var copy = JsonSerializer.Deserialize<MemberAccount>(JsonSerializer.Serialize(account, options), options)!;

        Assert.Equal(account.WholeLedger, copy.WholeLedger);
        Assert.Equal(account.Periods.Totals.OrderBy(p => p.Key), copy.Periods.Totals.OrderBy(p => p.Key));
        Assert.Equal(account.Version, copy.Version);
        Assert.True(copy.HasSeen("r1"));

        // Both go on identically: duplicates are still duplicates, returns still find their purchase.
        foreach (var target in new[] { account, copy })
        {
            Assert.Equal(ApplyOutcome.Duplicate, target.Apply(Buy("p1", 1, "2026-05-27T10:00Z"), config, Now));
            target.Apply(Refund("r2", 6_000, "2026-05-28T10:00Z", "p2"), config, Now);
            target.ApplyDueWork(config, At("2026-07-01T00:00Z"));
        }

        var (a, b) = (account.View(config, At("2026-07-01T00:00Z")), copy.View(config, At("2026-07-01T00:00Z")));
        Assert.Equal((a.Points, a.Tier, a.Streak, a.LifetimeSpendMinor), (b.Points, b.Tier, b.Streak, b.LifetimeSpendMinor));
        Assert.Equal(account.WholeLedger, copy.WholeLedger);
    }

    [Fact]
    public void A_varied_history_survives_web_json_unchanged_and_both_copies_go_on_alike()
    {
        var options = Storage(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var config = Rome with
        {
            MaxPointsPerDay = 300,
            EarningRules =
            [
                new EarningRule("double-shoes", new RuleCondition(Category: "shoes"), new RuleEffect(MultiplierPercent: 200)),
                new EarningRule("app", new RuleCondition(Channel: "app"), new RuleEffect(BonusPoints: 15)),
            ],
        };
        var account = new MemberAccount("m");
        var now = At("2025-01-01T00:00Z");
        var random = new Random(5);
        var purchases = new List<string>();
        for (var i = 0; i < 120; i++)
        {
            var at = now.AddHours(-random.Next(0, 24 * 20));
            if (purchases.Count == 0 || random.Next(5) > 0)
            {
                purchases.Add($"p{i}");
                account.Apply(new Purchase($"p{i}", "m", at, random.Next(100, 200_000), "GBP",
                    [new PurchaseLine($"s{i % 3}", i % 2 == 0 ? "shoes" : "hats", 1, random.Next(0, 100))], i % 4 == 0 ? "app" : null), config, now);
            }
            else
            {
                account.Apply(new Return($"r{i}", "m", at, random.Next(100, 300_000), "GBP", random.Next(2) == 0 ? purchases[random.Next(purchases.Count)] : null), config, now);
            }

            now = now.AddHours(random.Next(0, 90));
        }

        var json = JsonSerializer.Serialize(account, options);
        var copy = JsonSerializer.Deserialize<MemberAccount>(json, options)!;

        Assert.Equal(json, JsonSerializer.Serialize(copy, options));
        AssertSameState(account, copy, config, now);
        Assert.NotEqual("member", account.View(config, now).Tier.Current); // the history did reach a tier

        // The future: more events, a duplicate, time passing through maturation and tier anniversaries.
        foreach (var target in new[] { account, copy })
        {
            Assert.Equal(ApplyOutcome.Duplicate, target.Apply(Buy(purchases[^1], 1, "2025-12-01T10:00Z"), config, now));
            target.Apply(Refund("late-return", 50_000, now.AddHours(-1).ToString("O"), purchases[^1]), config, now);
            target.Apply(Buy("late-buy", 99_000, now.AddDays(-3).ToString("O"), channel: "app"), config, now);
            target.ApplyDueWork(config, now.AddYears(2));
        }

        AssertSameState(account, copy, config, now.AddYears(2));
    }

    private static void AssertSameState(MemberAccount a, MemberAccount b, ProgramConfig config, DateTimeOffset now)
    {
        var (viewA, viewB) = (a.View(config, now), b.View(config, now));
        Assert.Equal(
            (viewA.MemberId, viewA.Points, viewA.LifetimeSpendMinor, viewA.Tier, viewA.Streak, viewA.Badges.Count),
            (viewB.MemberId, viewB.Points, viewB.LifetimeSpendMinor, viewB.Tier, viewB.Streak, viewB.Badges.Count));
        Assert.Equal(a.WholeLedger, b.WholeLedger);
        Assert.Equal(a.Periods.Totals.OrderBy(p => p.Key), b.Periods.Totals.OrderBy(p => p.Key));
        Assert.Equal(a.Version, b.Version);
    }

    [Fact]
    public void Challenges_notifications_segments_and_the_birthday_survive_storage_and_both_copies_go_on_alike()
    {
        var options = Storage(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var config = Rome with
        {
            StreakFreezes = new StreakFreezes(2, 1),
            Birthday = new BirthdayBonus(100),
            Badges = [new BadgeDefinition { Id = "welcome", Name = "Welcome", Kind = BadgeKind.FirstPurchase }],
            Offers = [new Offer { Id = "all", Name = "All", Segment = new OfferSegment(), Start = "2026-01-01", End = "2027-01-01", MultiplierPercent = 200 }],
        };
        Challenge[] challenges =
        [
            Challenge.From("c", new ChallengeDefinition
            {
                Name = "C", Start = "2026-05-01", End = "2026-06-01", Goal = new ChallengeGoal { Kind = ChallengeGoalKind.Spend, Target = 50_000 },
                Reward = new ChallengeReward(10),
            }),
        ];
        var account = new MemberAccount("m");
        account.SetBirthDate(new DateOnly(1980, 6, 20), config, Now);
        account.Apply(Buy("p1", 30_000, "2026-05-20T10:00Z"), config, Now, challenges);
        account.Apply(Buy("p2", 30_000, "2026-05-22T10:00Z"), config, Now, challenges);

        var copy = JsonSerializer.Deserialize<MemberAccount>(JsonSerializer.Serialize(account, options), options)!;
        foreach (var target in new[] { account, copy })
        {
            target.RecordChallengePlacement(challenges[0], 1, winner: true, config, Now);
            target.Apply(Buy("p3", 1_000, "2026-05-24T10:00Z"), config, Now, challenges);
            target.ApplyDueWork(config, At("2026-06-21T00:00Z"));
        }

        string ViewOf(MemberAccount a) => JsonSerializer.Serialize(a.View(config, At("2026-06-21T00:00Z"), challenges), options);
        Assert.Equal(ViewOf(account), ViewOf(copy));
        Assert.Equal(account.WholeLedger, copy.WholeLedger);
        Assert.Contains("birthday 2026", string.Join(" ", copy.WholeLedger.Select(e => e.Reason)), StringComparison.Ordinal);
    }

    [Fact]
    public void Stored_state_holds_the_count_and_pending_entries_but_never_a_whole_ledger()
    {
        var options = Storage(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 10_000, "2026-04-01T10:00Z"), Basic, Now);
        account.Ledger.ClearPendingThrough(account.Ledger.Count);
        account.Apply(Buy("p2", 4_000, "2026-05-30T10:00Z"), Basic, Now);

        var json = JsonSerializer.Serialize(account, options);
        var copy = JsonSerializer.Deserialize<MemberAccount>(json, options)!;

        Assert.DoesNotContain("\"entries\"", json, StringComparison.Ordinal);
        Assert.Contains($"\"schema\":{StoredMember.CurrentSchema}", json, StringComparison.Ordinal);
        Assert.Equal(4, copy.Ledger.Count);
        Assert.Equal(account.Ledger.Pending, copy.Ledger.Pending);
        Assert.Equal([4L], copy.Ledger.Pending.Select(e => e.Sequence));
    }

    [Fact]
    public void A_member_using_few_parts_stores_only_those_and_its_ids_by_minute_once_each()
    {
        var options = Storage(new JsonSerializerOptions());
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 10_000, "2026-04-01T10:00Z"), Basic, Now);
        account.Apply(Buy("p2", 4_000, "2026-04-02T10:00Z"), Basic, Now);
        account.Apply(Refund("r1", 1_000, "2026-04-03T10:00Z"), Basic, Now);
        account.Apply(Refund("r2", 1_000, "2026-04-03T11:00Z"), Basic, Now);

        var json = JsonSerializer.Serialize(account, options);
        var copy = JsonSerializer.Deserialize<MemberAccount>(json, options)!;

        Assert.DoesNotContain("\"Badges\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Redemptions\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Redeemed\"", json, StringComparison.Ordinal); // zero
        Assert.DoesNotContain("\"RefundedMinor\"", json, StringComparison.Ordinal); // zero for both purchases

        // Held purchases are known by being held: only the returns are listed among the seen ids.
        var seen = JsonDocument.Parse(json).RootElement.GetProperty("SeenEvents");
        Assert.Equal("""{"ByMinute":{"2026-06-01T12:00Z":["r1","r2"]}}""", seen.GetRawText());
        Assert.All(["p1", "p2", "r1", "r2"], id => Assert.True(copy.HasSeen(id), id));
        Assert.Equal(json, JsonSerializer.Serialize(copy, options));
    }

    [Fact]
    public void A_state_stored_with_its_whole_ledger_loads_it_as_pending_and_numbers_on()
    {
        var options = Storage(new JsonSerializerOptions());
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "member-before-ledger-store.json"));

        var account = JsonSerializer.Deserialize<MemberAccount>(json, options)!;

        Assert.Equal(5, account.Ledger.Count);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], account.Ledger.Pending.Select(e => e.Sequence));
        Assert.Equal(account.Points.Available, account.Sum(PointsBalance.Available));
        Assert.Equal(account.Points.Pending, account.Sum(PointsBalance.Pending));
        Assert.DoesNotContain("\"Entries\"", JsonSerializer.Serialize(account, options), StringComparison.Ordinal);

        account.Apply(Buy("p3", 1_000, "2026-05-31T10:00Z", member: "ada"), Basic, Now);
        Assert.Equal(6, account.Ledger.Pending[^1].Sequence);
    }
}

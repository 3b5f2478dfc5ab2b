namespace Loyalty.Domain.Tests;

public sealed class ProgramConfigValidatorTests
{
    private static IEnumerable<string> Fields(ProgramConfig config) => ProgramConfigValidator.Validate(config).Select(e => e.Field);

    [Fact]
    public void A_sound_configuration_has_no_errors()
    {
        Assert.Empty(ProgramConfigValidator.Validate(TestPrograms.Basic with
        {
            EarningRules = [new EarningRule("double", new RuleCondition(Category: "shoes"), new RuleEffect(MultiplierPercent: 200), 500)],
            MaxPointsPerDay = 1_000,
        }));
    }

    [Fact]
    public void Every_problem_is_reported_with_its_field()
    {
        var config = TestPrograms.Basic with
        {
            Name = "",
            TimeZone = "Mars/Olympus",
            Currency = "pounds",
            MinorUnitsPerUnit = 7,
            PointsPerUnit = 0,
            ReturnWindowDays = -1,
            ExpiryMonths = 0,
            MaxPointsPerEvent = 0,
        };

        Assert.Equal(
            ["name", "timeZone", "currency", "minorUnitsPerUnit", "pointsPerUnit", "returnWindowDays", "expiryMonths", "maxPointsPerEvent"],
            Fields(config));
    }

    [Theory]
    [InlineData(99, false)]
    [InlineData(100, true)]
    [InlineData(10_000_000, true)]
    [InlineData(10_000_001, false)]
    public void A_ledger_keeps_at_least_a_hundred_and_at_most_ten_million_entries(int maxEntries, bool sound)
    {
        Assert.Equal(sound ? [] : ["ledgerMaxEntries"], Fields(TestPrograms.Basic with { LedgerMaxEntries = maxEntries }));
    }

    [Theory]
    [InlineData(0, -1, "redemptionRetentionDays", "challengeRetentionDays")]
    [InlineData(1, 0, null, null)]
    [InlineData(3_650, 3_650, null, null)]
    [InlineData(3_651, 3_651, "redemptionRetentionDays", "challengeRetentionDays")]
    public void Redemptions_are_kept_at_least_a_day_and_challenge_progress_from_no_time_to_ten_years(
        int redemptionDays, int challengeDays, string? redemptionField, string? challengeField)
    {
        string[] expected = [.. new[] { redemptionField, challengeField }.OfType<string>()];
        Assert.Equal(expected, Fields(TestPrograms.Basic with { RedemptionRetentionDays = redemptionDays, ChallengeRetentionDays = challengeDays }));
    }

    [Theory]
    [InlineData("Europe")]
    [InlineData("America")]
    [InlineData("../../etc/passwd")]
    public void A_folder_of_the_zone_database_or_a_path_is_not_a_time_zone(string zone)
    {
        Assert.False(ProgramCalendar.TryFindZone(zone, out _));
        Assert.Equal(["timeZone"], Fields(TestPrograms.Basic with { TimeZone = zone }));
    }

    [Fact]
    public void Tiers_must_start_at_zero_ascend_strictly_and_have_unique_names()
    {
        var config = TestPrograms.Basic with
        {
            Tiers = [new("member", 10), new("silver", 5), new("silver", 50), new("gold", -1)],
        };

        Assert.Equal(
            ["tiers[0].qualifyingSpendMinor", "tiers[1].qualifyingSpendMinor", "tiers[2].name", "tiers[3].qualifyingSpendMinor"],
            Fields(config));
        Assert.Equal(["tiers"], Fields(TestPrograms.Basic with { Tiers = [] }));
    }

    [Fact]
    public void Rules_need_a_unique_id_and_exactly_one_sound_effect()
    {
        var config = TestPrograms.Basic with
        {
            EarningRules =
            [
                new("a", new RuleCondition(), new RuleEffect(MultiplierPercent: 200, BonusPoints: 5)),
                new("a", new RuleCondition(), new RuleEffect(MultiplierPercent: 90)),
                new("", new RuleCondition(MinBasketMinor: -1), new RuleEffect(BonusPoints: 5), CapPoints: 0),
            ],
        };

        Assert.Equal(
            ["earningRules[0].then", "earningRules[1].id", "earningRules[1].then.multiplierPercent", "earningRules[2].id",
             "earningRules[2].capPoints", "earningRules[2].when.minBasketMinor"],
            Fields(config));
    }

    [Fact]
    public void An_unknown_time_zone_is_named()
    {
        Assert.Equal(["timeZone"], Fields(TestPrograms.Basic with { TimeZone = "Europe/Atlantis" }));
        Assert.Empty(Fields(TestPrograms.Basic with { TimeZone = "Asia/Tokyo", Currency = "JPY", MinorUnitsPerUnit = 1 }));
    }

    [Fact]
    public void Negative_windows_and_unknown_streak_units_are_named()
    {
        var config = TestPrograms.Basic with { TierDowngradeGraceDays = -1, StreakUnit = (StreakUnit)7, MaxPointsPerDay = -5 };
        Assert.Equal(["tierDowngradeGraceDays", "maxPointsPerDay", "streakUnit"], Fields(config));
    }

    [Fact]
    public void The_second_tier_is_named_when_it_does_not_ascend()
    {
        var config = TestPrograms.Basic with { Tiers = [new("member", 0), new("silver", 0)] };
        var error = Assert.Single(ProgramConfigValidator.Validate(config));
        Assert.Equal(new ValidationError("tiers[1].qualifyingSpendMinor", "must be greater than the previous tier's"), error);
    }

    [Fact]
    public void Rule_effects_and_conditions_are_checked_field_by_field()
    {
        var config = TestPrograms.Basic with
        {
            EarningRules =
            [
                new("none", new RuleCondition(), new RuleEffect()),
                new("zero-bonus", new RuleCondition(Category: " "), new RuleEffect(BonusPoints: 0)),
                new("no-sku", new RuleCondition(Sku: "", Channel: ""), new RuleEffect(MultiplierPercent: 100)),
            ],
        };

        Assert.Equal(
            ["earningRules[0].then", "earningRules[1].when.category", "earningRules[1].then.bonusPoints",
             "earningRules[2].when.sku", "earningRules[2].when.channel", "earningRules[2].then.multiplierPercent"],
            Fields(config));
    }

    [Fact]
    public void Json_nulls_are_reported_not_thrown()
    {
        var config = System.Text.Json.JsonSerializer.Deserialize<ProgramConfig>(
            """{"name":"x","tiers":[null,{"name":"gold","qualifyingSpendMinor":5}],"earningRules":[null,{"id":"r","when":null,"then":null}]}""",
            new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;

        Assert.Equal(["tiers[0]", "earningRules[0]", "earningRules[1].when", "earningRules[1].then"], Fields(config));
        Assert.Equal(["tiers", "earningRules"], Fields(TestPrograms.Basic with { Tiers = null!, EarningRules = null! }));
    }
}

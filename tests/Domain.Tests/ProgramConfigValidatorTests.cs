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
}

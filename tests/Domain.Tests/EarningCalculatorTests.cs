using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

public sealed class EarningCalculatorTests
{
    private static ProgramConfig WithRules(params EarningRule[] rules) => Basic with { EarningRules = [.. rules] };

    [Theory]
    [InlineData(12_345, 123)]
    [InlineData(99, 0)]
    [InlineData(100, 1)]
    public void The_base_rate_floors_to_whole_points(long amountMinor, long points)
    {
        Assert.Equal(points, EarningCalculator.Calculate(Buy("e", amountMinor, "2026-01-01T10:00Z"), Basic, 0).Total);
    }

    [Fact]
    public void The_base_rate_scales_with_points_per_unit_and_minor_units()
    {
        var yen = Basic with { MinorUnitsPerUnit = 1, PointsPerUnit = 3 };
        Assert.Equal(30, EarningCalculator.Calculate(Buy("e", 10, "2026-01-01T10:00Z"), yen, 0).Total);
    }

    [Fact]
    public void A_category_multiplier_applies_to_the_matching_lines_only()
    {
        var config = WithRules(new EarningRule("double-shoes", new RuleCondition(Category: "shoes"), new RuleEffect(MultiplierPercent: 200)));
        var purchase = Buy("e", 15_000, "2026-01-01T10:00Z", lines: [new PurchaseLine("s1", "shoes", 2, 5_000), new PurchaseLine("h1", "hats", 1, 5_000)]);

        var result = EarningCalculator.Calculate(purchase, config, 0);

        Assert.Equal(150, result.BasePoints);
        Assert.Equal([new RulePoints("double-shoes", 100)], result.Rules);
        Assert.Equal(250, result.Total);
    }

    [Fact]
    public void A_sku_rule_needs_a_matching_line()
    {
        var config = WithRules(new EarningRule("sku-bonus", new RuleCondition(Sku: "ABC"), new RuleEffect(BonusPoints: 50)));
        Assert.Equal(10, EarningCalculator.Calculate(Buy("e", 1_000, "2026-01-01T10:00Z", lines: new PurchaseLine("XYZ", null, 1, 1_000)), config, 0).Total);
        Assert.Equal(60, EarningCalculator.Calculate(Buy("e", 1_000, "2026-01-01T10:00Z", lines: new PurchaseLine("ABC", null, 1, 1_000)), config, 0).Total);
    }

    [Fact]
    public void Channel_and_minimum_basket_are_order_level_conditions()
    {
        var config = WithRules(new EarningRule("app-big", new RuleCondition(Channel: "app", MinBasketMinor: 5_000), new RuleEffect(MultiplierPercent: 150)));

        Assert.Equal(75, EarningCalculator.Calculate(Buy("e", 5_000, "2026-01-01T10:00Z", channel: "APP"), config, 0).Total);
        Assert.Equal(49, EarningCalculator.Calculate(Buy("e", 4_999, "2026-01-01T10:00Z", channel: "app"), config, 0).Total);
        Assert.Equal(50, EarningCalculator.Calculate(Buy("e", 5_000, "2026-01-01T10:00Z", channel: "web"), config, 0).Total);
    }

    [Fact]
    public void A_rule_cap_limits_that_rule()
    {
        var config = WithRules(new EarningRule("triple", new RuleCondition(), new RuleEffect(MultiplierPercent: 300), CapPoints: 40));
        var result = EarningCalculator.Calculate(Buy("e", 10_000, "2026-01-01T10:00Z"), config, 0);
        Assert.Equal(140, result.Total);
        Assert.False(result.Capped);
    }

    [Fact]
    public void The_event_cap_limits_the_total()
    {
        var config = WithRules(new EarningRule("bonus", new RuleCondition(), new RuleEffect(BonusPoints: 500))) with { MaxPointsPerEvent = 300 };
        var result = EarningCalculator.Calculate(Buy("e", 10_000, "2026-01-01T10:00Z"), config, 0);
        Assert.Equal(300, result.Total);
        Assert.True(result.Capped);
        Assert.Contains("capped to 300", result.Describe("e"));
    }

    [Fact]
    public void The_daily_cap_counts_what_was_earned_earlier_that_day()
    {
        var config = Basic with { MaxPointsPerDay = 100 };
        Assert.Equal(30, EarningCalculator.Calculate(Buy("e", 10_000, "2026-01-01T10:00Z"), config, earnedEarlierThatDay: 70).Total);
        Assert.Equal(0, EarningCalculator.Calculate(Buy("e", 10_000, "2026-01-01T10:00Z"), config, earnedEarlierThatDay: 120).Total);
    }

    [Fact]
    public void Huge_amounts_do_not_overflow()
    {
        var config = Basic with { PointsPerUnit = 10_000 };
        Assert.Equal(100_000_000_000_000, EarningCalculator.Calculate(Buy("e", 1_000_000_000_000, "2026-01-01T10:00Z"), config, 0).Total);
    }
}

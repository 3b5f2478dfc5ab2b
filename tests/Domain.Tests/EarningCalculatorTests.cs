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

    [Fact]
    public void A_multiplier_floors_once_on_the_exact_extra()
    {
        // 2.99 at 300%: extra = floor(299 × 200 ÷ 10 000) = 5 (not floor(2.99) × 2 = 4).
        var config = WithRules(new EarningRule("x3", new RuleCondition(), new RuleEffect(MultiplierPercent: 300)));
        var result = EarningCalculator.Calculate(Buy("e", 299, "2026-01-01T10:00Z"), config, 0);
        Assert.Equal((2L, 5L, 7L), (result.BasePoints, result.Rules.Single().Points, result.Total));
    }

    [Fact]
    public void Double_points_on_the_whole_basket_equal_the_base()
    {
        var config = WithRules(new EarningRule("double", new RuleCondition(), new RuleEffect(MultiplierPercent: 200)));
        var result = EarningCalculator.Calculate(Buy("e", 1_299, "2026-01-01T10:00Z"), config, 0);
        Assert.Equal((12L, 12L), (result.BasePoints, result.Rules.Single().Points));
    }

    [Fact]
    public void The_value_of_matching_lines_is_capped_at_the_purchase_amount()
    {
        // Lines worth 200.00 sold for 150.00 after a basket discount: the rule sees at most 150.00.
        var config = WithRules(new EarningRule("double-shoes", new RuleCondition(Category: "shoes"), new RuleEffect(MultiplierPercent: 200)));
        var purchase = Buy("e", 15_000, "2026-01-01T10:00Z", lines: new PurchaseLine("s1", "shoes", 2, 10_000));
        Assert.Equal(150, EarningCalculator.Calculate(purchase, config, 0).Rules.Single().Points);
    }

    [Fact]
    public void Category_matching_ignores_case()
    {
        var config = WithRules(new EarningRule("shoes", new RuleCondition(Category: "Shoes"), new RuleEffect(BonusPoints: 5)));
        var purchase = Buy("e", 1_000, "2026-01-01T10:00Z", lines: new PurchaseLine("s1", "SHOES", 1, 1_000));
        Assert.Equal(15, EarningCalculator.Calculate(purchase, config, 0).Total);
    }

    [Fact]
    public void Category_and_sku_must_hold_on_the_same_line()
    {
        var config = WithRules(new EarningRule("red-shoe", new RuleCondition(Category: "shoes", Sku: "RED"), new RuleEffect(BonusPoints: 50)));
        var apart = Buy("e", 2_000, "2026-01-01T10:00Z", lines: [new PurchaseLine("RED", "hats", 1, 1_000), new PurchaseLine("BLUE", "shoes", 1, 1_000)]);
        var together = Buy("e", 2_000, "2026-01-01T10:00Z", lines: [new PurchaseLine("RED", "shoes", 1, 1_000), new PurchaseLine("BLUE", "hats", 1, 1_000)]);

        Assert.Empty(EarningCalculator.Calculate(apart, config, 0).Rules);
        Assert.Equal([new RulePoints("red-shoe", 50)], EarningCalculator.Calculate(together, config, 0).Rules);
    }

    [Fact]
    public void A_fixed_bonus_is_given_once_per_purchase_however_many_lines_match()
    {
        var config = WithRules(new EarningRule("shoe-bonus", new RuleCondition(Category: "shoes"), new RuleEffect(BonusPoints: 25)));
        var purchase = Buy("e", 3_000, "2026-01-01T10:00Z", lines: [new PurchaseLine("a", "shoes", 1, 1_000), new PurchaseLine("b", "shoes", 2, 1_000)]);
        Assert.Equal(30 + 25, EarningCalculator.Calculate(purchase, config, 0).Total);
    }

    [Fact]
    public void A_rule_without_conditions_applies_to_every_purchase()
    {
        var config = WithRules(new EarningRule("welcome", new RuleCondition(), new RuleEffect(BonusPoints: 7)));
        Assert.Equal(7, EarningCalculator.Calculate(Buy("e", 50, "2026-01-01T10:00Z"), config, 0).Total);
    }

    [Fact]
    public void Every_applied_rule_shows_in_the_breakdown_in_configuration_order()
    {
        var config = WithRules(
            new EarningRule("double-shoes", new RuleCondition(Category: "shoes"), new RuleEffect(MultiplierPercent: 200)),
            new EarningRule("app", new RuleCondition(Channel: "app"), new RuleEffect(BonusPoints: 10)),
            new EarningRule("big", new RuleCondition(MinBasketMinor: 100_000), new RuleEffect(BonusPoints: 99)));
        var purchase = Buy("p-1", 1_200, "2026-01-01T10:00Z", channel: "app", lines: new PurchaseLine("s", "shoes", 1, 1_200));

        var result = EarningCalculator.Calculate(purchase, config, 0);

        Assert.Equal([new RulePoints("double-shoes", 12), new RulePoints("app", 10)], result.Rules);
        Assert.Equal("purchase p-1: base 12 + rule double-shoes 12 + rule app 10", result.Describe("p-1"));
    }

    [Fact]
    public void The_event_cap_applies_before_the_daily_cap()
    {
        var config = WithRules(new EarningRule("bonus", new RuleCondition(), new RuleEffect(BonusPoints: 500))) with
        {
            MaxPointsPerEvent = 300,
            MaxPointsPerDay = 1_000,
        };
        Assert.Equal(300, EarningCalculator.Calculate(Buy("e", 10_000, "2026-01-01T10:00Z"), config, earnedEarlierThatDay: 600).Total);
        Assert.Equal(100, EarningCalculator.Calculate(Buy("e", 10_000, "2026-01-01T10:00Z"), config, earnedEarlierThatDay: 900).Total);
    }

    [Fact]
    public void Points_that_do_not_fit_in_a_long_throw_instead_of_wrapping()
    {
        var config = Basic with { MinorUnitsPerUnit = 1, PointsPerUnit = 10_000 };
        Assert.Throws<OverflowException>(() => EarningCalculator.Calculate(Buy("e", long.MaxValue / 2, "2026-01-01T10:00Z"), config, 0));
    }
}

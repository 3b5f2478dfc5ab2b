namespace Loyalty.Domain.Tests;

/// <summary>The configuration bounds that keep every sum of points inside a long (see <see cref="Bounds"/>).</summary>
public sealed class ProgramConfigBoundsTests
{
    private static IEnumerable<string> Fields(ProgramConfig config) => ProgramConfigValidator.Validate(config).Select(e => e.Field);

    [Fact]
    public void The_most_a_purchase_can_earn_counts_the_base_every_rule_within_its_cap_and_every_offer()
    {
        var config = TestPrograms.Basic with
        {
            PointsPerUnit = 10,
            EarningRules =
            [
                new EarningRule("x3", new RuleCondition(), new RuleEffect(MultiplierPercent: 300)),
                new EarningRule("bonus", new RuleCondition(Category: "shoes"), new RuleEffect(BonusPoints: 50), CapPoints: 20),
            ],
            Offers = [new Offer { Id = "o", Name = "O", Start = "2026-01-01", End = "2026-02-01", MultiplierPercent = 150 }],
        };

        // 10^10 minor units at 10 points a unit: 10^9 base, 2 × 10^9 for the x3 rule, 20 capped bonus, 0.5 × 10^9 offer.
        Assert.Equal(3_500_000_020, PurchasePointsBound.MostPointsPerPurchase(config));
        Assert.Empty(ProgramConfigValidator.Validate(config));
    }

    [Fact]
    public void Rates_that_could_pass_the_bound_need_a_per_event_cap()
    {
        var generous = TestPrograms.Basic with
        {
            MinorUnitsPerUnit = 1,
            PointsPerUnit = 10_000,
            EarningRules = [new EarningRule("x100", new RuleCondition(), new RuleEffect(MultiplierPercent: 10_000))],
        };

        Assert.Equal(["maxPointsPerEvent"], Fields(generous));
        Assert.Empty(Fields(generous with { MaxPointsPerEvent = Bounds.MaxEventPoints }));
        Assert.Equal(["maxPointsPerEvent"], Fields(generous with { MaxPointsPerEvent = Bounds.MaxEventPoints + 1 }));
    }

    [Fact]
    public void Lists_caps_bonuses_and_thresholds_are_bounded()
    {
        var rule = new EarningRule("r", new RuleCondition(MinBasketMinor: Bounds.MaxAmountMinor + 1), new RuleEffect(BonusPoints: 1), Bounds.MaxEventPoints + 1);
        var config = TestPrograms.Basic with
        {
            Tiers = [new("member", 0), new("silver", Bounds.MaxThreshold + 1)],
            EarningRules = [rule, .. Enumerable.Range(0, Bounds.MaxEarningRules).Select(i => rule with { Id = $"r{i}", CapPoints = 1, When = new RuleCondition() })],
            MaxPointsPerDay = Bounds.MaxEventPoints + 1,
            Badges = [new BadgeDefinition { Id = "b", Name = "B", Kind = BadgeKind.Spend, Target = Bounds.MaxThreshold + 1, BonusPoints = Bounds.MaxBonusPoints + 1 }],
            Surprises = [new Surprise { Id = "s", Kind = SurpriseKind.Points, Target = Bounds.MaxThreshold + 1, BonusPoints = Bounds.MaxBonusPoints + 1 }],
            Referrals = new ReferralProgram { MinPurchaseMinor = Bounds.MaxAmountMinor + 1 },
        };

        Assert.Equal(
            ["maxPointsPerDay", "tiers[1].qualifyingSpendMinor", "earningRules", "earningRules[0].capPoints", "earningRules[0].when.minBasketMinor",
             "badges[0].target", "badges[0].bonusPoints", "surprises[0].target", "surprises[0].bonusPoints", "referrals.minPurchaseMinor"],
            Fields(config));
    }
}

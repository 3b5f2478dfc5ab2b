using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

public sealed class AppliedRulesTests
{
    [Fact]
    public void The_member_view_shows_how_the_newest_purchase_earned_its_points_even_when_an_older_one_arrives_later()
    {
        var config = Basic with
        {
            EarningRules = [new EarningRule("app-double", new RuleCondition(Channel: "app"), new RuleEffect(MultiplierPercent: 200))],
            MaxPointsPerEvent = 150,
        };
        var account = new MemberAccount("m");
        account.AppliedUnder(7);
        var now = At("2026-06-30T00:00Z");
        account.Apply(Buy("new", 10_000, "2026-06-02T10:00Z", "m", "app"), config, now);
        account.Apply(Buy("old", 5_000, "2026-06-01T10:00Z", "m", "web"), config, now);

        var rules = account.View(config, now).Rules;
        Assert.Equal(7, rules.ProgramVersion);
        Assert.Equal(("new", 100L, 150L, true), (rules.LastPurchase!.EventId, rules.LastPurchase.BasePoints, rules.LastPurchase.Total, rules.LastPurchase.Capped));
        Assert.Equal([new RulePoints("app-double", 100)], rules.LastPurchase.Rules);
    }
}

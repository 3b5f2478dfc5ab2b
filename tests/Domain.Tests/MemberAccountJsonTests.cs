using System.Text.Json;
using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

/// <summary>Members are stored as JSON: a stored and reloaded account must behave exactly like the original.</summary>
public sealed class MemberAccountJsonTests
{
    private static readonly DateTimeOffset Now = At("2026-06-01T12:00Z");

    public static TheoryData<string> Options => ["default", "web"];

    [Theory]
    [MemberData(nameof(Options))]
    public void A_reloaded_account_has_the_same_view_ledger_and_future(string style)
    {
        var options = style == "web" ? new JsonSerializerOptions(JsonSerializerDefaults.Web) : new JsonSerializerOptions();
        var config = Rome with { StreakUnit = StreakUnit.Week, MaxPointsPerDay = 500 };
        var account = new MemberAccount("m");
        account.Apply(Buy("p1", 150_000, "2025-05-20T10:00Z"), config, Now);
        account.Apply(Buy("p2", 10_000, "2026-05-25T10:00Z"), config, Now);
        account.Apply(Refund("r1", 4_000, "2026-05-26T10:00Z", "p2"), config, Now);

        var copy = JsonSerializer.Deserialize<MemberAccount>(JsonSerializer.Serialize(account, options), options)!;

        Assert.Equal(account.Ledger, copy.Ledger);
        Assert.Equal(account.Periods.OrderBy(p => p.Key), copy.Periods.OrderBy(p => p.Key));
        Assert.Equal(account.Version, copy.Version);
        Assert.True(copy.HasSeen("r1"));

        // Both go on identically: duplicates are still duplicates, returns still find their purchase.
        foreach (var target in new[] { account, copy })
        {
            Assert.Equal(ApplyOutcome.Duplicate, target.Apply(Buy("p1", 1, "2026-05-27T10:00Z"), config, Now));
            target.Apply(Refund("r2", 6_000, "2026-05-28T10:00Z", "p2"), config, Now);
            target.Advance(config, At("2026-07-01T00:00Z"));
        }

        var (a, b) = (account.View(config, At("2026-07-01T00:00Z")), copy.View(config, At("2026-07-01T00:00Z")));
        Assert.Equal((a.Points, a.Tier, a.Streak, a.LifetimeSpendMinor), (b.Points, b.Tier, b.Streak, b.LifetimeSpendMinor));
        Assert.Equal(account.Ledger, copy.Ledger);
    }
}

using System.Net;

namespace Loyalty.Gateway.Tests;

/// <summary>Badges are configured with the program, awarded once, and shown in the member view.</summary>
public sealed class BadgeTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    private static readonly string WithBadges = Programs.Configuration.Replace(
        "\"returnWindowDays\": 30,",
        """
        "returnWindowDays": 30,
        "badges": [
          { "id": "welcome", "name": "Welcome", "kind": "firstPurchase", "bonusPoints": 50 },
          { "id": "silver", "name": "Silver member", "kind": "tier", "tier": "silver" }
        ],
        """,
        StringComparison.Ordinal);

    [Fact]
    public async Task A_first_purchase_earns_the_welcome_badge_and_its_bonus_once()
    {
        var program = await Programs.Create(client, WithBadges);
        await client.PostEvents(program, Api.Purchase("w1", "una", 2_000), Api.Purchase("w2", "una", 3_000));

        var una = await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/una"), m => m?.Long("lifetimeSpendMinor") == 5_000);
        var badge = Assert.Single(una!["badges"]!.AsArray());
        Assert.Equal("welcome", badge!["id"]!.GetValue<string>());
        Assert.Equal(50 + 20 + 30, una.Long("points.lifetimeEarned"));
        var ledger = await client.ReadLedger(program, "una");
        Assert.Equal(50, Assert.Single(ledger, e => e.Kind == "bonus").Points);
    }

    [Fact]
    public async Task A_badge_for_an_unknown_tier_is_refused_naming_the_field()
    {
        var response = await client.PutAsync($"/v1/programs/{Api.Unique("p")}",
            new StringContent(WithBadges.Replace("\"tier\": \"silver\"", "\"tier\": \"platinum\"", StringComparison.Ordinal),
                System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        await Problem.Assert(response, HttpStatusCode.BadRequest, "badges[1].tier");
    }
}

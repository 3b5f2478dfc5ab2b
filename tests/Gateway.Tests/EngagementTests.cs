using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Loyalty.Gateway.Tests;

/// <summary>Birthday bonus through the profile, segment offers, RFM scores and "which rules applied" in the member view.</summary>
public sealed class EngagementTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    private static readonly string Engaging = Programs.Configuration.Replace(
        "\"returnWindowDays\": 30,",
        """
        "returnWindowDays": 30,
        "birthday": { "bonusPoints": 500 },
        "offers": [
          { "id": "gold-march", "name": "Gold this month", "segment": { "tiers": ["gold"] }, "start": "OFFER_START", "end": "OFFER_END", "multiplierPercent": 300 }
        ],
        """,
        StringComparison.Ordinal)
        // The offer runs around today, so the tier its members hold is the one of their recent purchases.
        .Replace("OFFER_START", $"{Today.AddDays(-10):yyyy-MM-dd}", StringComparison.Ordinal)
        .Replace("OFFER_END", $"{Today.AddDays(10):yyyy-MM-dd}", StringComparison.Ordinal);

    private static DateOnly Today => DateOnly.FromDateTime(TestClock.UtcNow.UtcDateTime);

    private static string DaysAgo(int days) => TestClock.UtcNow.AddDays(-days).ToString("O");

    private Task<HttpResponseMessage> PutProfile(string program, string member, string json) =>
        client.PutAsync($"/v1/programs/{program}/members/{member}/profile",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_birthday_today_is_credited_once_and_shows_in_the_member_view_and_ledger()
    {
        var program = await Programs.Create(client, Engaging);
        var today = DateOnly.FromDateTime(TestClock.UtcNow.UtcDateTime);
        // 32 years back is a leap year too, so on 29 February the birthday is still today.
        var birthDate = today.AddYears(-32).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var response = await PutProfile(program, "bea", $$"""{"birthDate":"{{birthDate}}"}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.Equal((birthDate, 500L), (view!["birthDate"]!.GetValue<string>(), view.Long("points.available")));

        Assert.Equal(HttpStatusCode.OK, (await PutProfile(program, "bea", $$"""{"birthDate":"{{birthDate}}"}""")).StatusCode);
        var bonus = Assert.Single(await client.ReadLedger(program, "bea"));
        Assert.Equal(("bonus", 500L), (bonus.Kind, bonus.Points));
    }

    [Theory]
    [InlineData("""{"birthDate":"2999-01-01"}""", "birthDate")]
    [InlineData("""{"birthDate":"1990-13-01"}""", "birthDate")]
    [InlineData("""{"birthday":"1990-01-01"}""", "birthday")]
    public async Task A_bad_profile_is_refused_naming_the_field(string json, string field)
    {
        var program = await Programs.Create(client, Engaging);
        await Problem.Assert(await PutProfile(program, "bea", json), HttpStatusCode.BadRequest, field);
        await Problem.Assert(await client.GetAsync($"/v1/programs/{program}/members/bea", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_segment_offer_applies_to_members_in_its_tier_and_the_view_says_which_rules_applied()
    {
        var program = await Programs.Create(client, Engaging);
        await client.PostEvents(program, Api.Purchase("g1", "gus", 600_000, DaysAgo(2)));
        await client.PostEvents(program, Api.Purchase("g2", "gus", 10_000, DaysAgo(1)));

        var gus = await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/gus"), m => m?.Long("lifetimeSpendMinor") == 610_000);
        var last = gus!["rules"]!["lastPurchase"]!;
        Assert.Equal(("g2", 100L, 300L, 1L), (last["eventId"]!.GetValue<string>(), last.Long("basePoints"), last.Long("total"), gus.Long("rules.programVersion")));
        var offer = Assert.Single(last["applied"]!.AsArray());
        Assert.Equal(("gold-march", "offer", 200L), (offer!["ruleId"]!.GetValue<string>(), offer["kind"]!.GetValue<string>(), offer.Long("points")));
        Assert.Equal(6_000 + 300, gus.Long("points.lifetimeEarned"));
        Assert.True(gus["rfm"]!.AsObject().ContainsKey("recency"));
    }
}

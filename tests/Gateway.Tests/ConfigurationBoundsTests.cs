using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Loyalty.Gateway.Tests;

/// <summary>
/// A configuration is refused when its rates could earn more than 10^11 points on one purchase, so no sum of points
/// can overflow however many events arrive; with a per-event cap the same rates are sound.
/// </summary>
public sealed class ConfigurationBoundsTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    private static JsonObject Generous()
    {
        var config = JsonNode.Parse(Programs.Configuration)!.AsObject();
        config["minorUnitsPerUnit"] = 1;
        config["pointsPerUnit"] = 10_000;
        config["earningRules"] = new JsonArray(new JsonObject
        {
            ["id"] = "x100", ["when"] = new JsonObject(), ["then"] = new JsonObject { ["multiplierPercent"] = 10_000 },
        });
        return config;
    }

    [Fact]
    public async Task Rates_that_could_earn_past_the_bound_are_refused_naming_the_per_event_cap()
    {
        var response = await Put(Api.Unique("p"), Generous());

        var problem = await Problem.Assert(response, HttpStatusCode.BadRequest, "maxPointsPerEvent");
        Assert.Contains("100000000000", problem["errors"]!["maxPointsPerEvent"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_cap_the_largest_purchases_all_apply_and_sum_exactly()
    {
        var config = Generous();
        config["maxPointsPerEvent"] = 100_000_000_000;
        var program = Api.Unique("p");
        Assert.Equal(HttpStatusCode.Created, (await Put(program, config)).StatusCode);

        var answer = await client.PostEvents(program,
            [.. Enumerable.Range(0, 10).Select(i => (JsonNode)Api.Purchase($"max-{i}", "whale", 10_000_000_000, "2026-01-05T10:00:00Z"))]);

        Assert.Equal(10, answer.Long("accepted"));
        var whale = await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/whale"), m => m?.Long("lifetimeSpendMinor") == 100_000_000_000);
        Assert.Equal(1_000_000_000_000, whale.Long("points.lifetimeEarned"));
    }

    [Theory]
    [InlineData("maxPointsPerEvent", 100_000_000_001L)]
    [InlineData("maxPointsPerDay", 100_000_000_001L)]
    public async Task Caps_are_bounded(string field, long value)
    {
        var config = JsonNode.Parse(Programs.Configuration)!.AsObject();
        config[field] = value;
        await Problem.Assert(await Put(Api.Unique("p"), config), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Rule_caps_bonuses_thresholds_and_the_number_of_rules_are_bounded()
    {
        var config = JsonNode.Parse(Programs.Configuration)!.AsObject();
        config["earningRules"] = new JsonArray([.. Enumerable.Range(0, 101).Select(i => (JsonNode)new JsonObject
        {
            ["id"] = $"r{i}", ["when"] = new JsonObject(), ["then"] = new JsonObject { ["bonusPoints"] = 1 }, ["capPoints"] = i == 0 ? 100_000_000_001 : 1,
        })]);
        config["badges"] = new JsonArray(new JsonObject { ["id"] = "b", ["name"] = "B", ["kind"] = "firstPurchase", ["bonusPoints"] = 1_000_000_001 });
        config["tiers"]![2]!["qualifyingSpendMinor"] = 1_000_000_000_000_001;
        config["referrals"] = new JsonObject { ["referrerBonusPoints"] = 1_000_000_001, ["refereeBonusPoints"] = 1 };

        var problem = await Problem.Assert(await Put(Api.Unique("p"), config), HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject();
        Assert.All(["earningRules", "earningRules[0].capPoints", "badges[0].bonusPoints", "tiers[2].qualifyingSpendMinor", "referrals.referrerBonusPoints"],
            field => Assert.True(errors.ContainsKey(field), $"no error for {field} in {errors.ToJsonString()}"));
    }

    private Task<HttpResponseMessage> Put(string program, JsonObject config) =>
        client.PutAsync($"/v1/programs/{program}", new StringContent(config.ToJsonString(), Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
}

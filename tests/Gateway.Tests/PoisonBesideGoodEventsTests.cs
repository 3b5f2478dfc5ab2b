using System.Net;
using System.Text.Json.Nodes;

namespace Loyalty.Gateway.Tests;

/// <summary>
/// The poisons once accepted and then stalling a partition: each is refused at the door, naming the field, and the
/// good events sent beside it are applied within a second.
/// </summary>
public sealed class PoisonBesideGoodEventsTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    private static readonly string WithCategoryChallenge = Programs.Configuration;

    [Fact]
    public async Task Each_poison_is_rejected_and_the_good_events_beside_it_apply_within_a_second()
    {
        var program = await Programs.Create(client, WithCategoryChallenge);
        var challenge = await client.PutAsync($"/v1/programs/{program}/challenges/shoes", new StringContent(
            """{"name":"Shoes","start":"2026-01-01","end":"2027-01-01","goal":{"kind":"spend","target":100000},"filters":{"category":"shoes"},"reward":{"points":10}}""",
            System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, challenge.StatusCode);
        var overflowingLines = Api.Purchase("poison-lines", "pia", 2_000);
        overflowingLines["lines"] = new JsonArray(new JsonObject { ["sku"] = "s", ["category"] = "shoes", ["quantity"] = 1_000_000, ["unitPriceMinor"] = 1_000_000_000_000 });
        JsonNode[] batch =
        [
            Api.Purchase("poison-year1", "pia", 1_000, "0001-01-01T00:00:00Z"),
            Api.Purchase("good-1", "pia", 1_000),
            Api.Purchase("poison-points", "pia", 1_000_000_000_000),
            Api.Purchase("good-2", "quin", 2_000),
            overflowingLines,
            Api.Purchase("good-3", "rae", 3_000),
        ];

        var answer = await client.PostEvents(program, batch);
        var results = answer["results"]!.AsArray();
        Assert.Equal(["rejected", "accepted", "rejected", "accepted", "rejected", "accepted"], results.Select(r => r!["status"]!.GetValue<string>()));
        Assert.Equal(["[0].occurredAt", "[2].amountMinor", "[4].lines[0].unitPriceMinor"],
            results.Where(r => r!["status"]!.GetValue<string>() == "rejected").Select(r => r!["field"]!.GetValue<string>()));

        var deadline = TimeSpan.FromSeconds(1);
        foreach (var (member, spend) in new[] { ("pia", 1_000L), ("quin", 2_000L), ("rae", 3_000L) })
        {
            var view = await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/{member}"),
                m => m?.Long("lifetimeSpendMinor") == spend, deadline);
            Assert.Equal(spend, view?.Long("lifetimeSpendMinor"));
        }

        Assert.Equal(0, (await client.GetRequiredJson($"/v1/programs/{program}/dead-letters")).Long("total"));
    }

    [Fact]
    public async Task A_configuration_under_which_sums_of_points_could_overflow_is_refused()
    {
        var generous = Programs.Configuration.Replace("\"pointsPerUnit\": 1,", """
            "pointsPerUnit": 10000,
            "earningRules": [{ "id": "huge", "when": {}, "then": { "multiplierPercent": 10000 } }],
            """, StringComparison.Ordinal);
        var response = await client.PutAsync($"/v1/programs/{Api.Unique("p")}",
            new StringContent(generous, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        await Problem.Assert(response, HttpStatusCode.BadRequest, "maxPointsPerEvent");
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Loyalty.Gateway.Tests.Kpis;

/// <summary>Program KPIs: totals, by tier and segment, and the day-by-day series, after purchases, returns and redemptions.</summary>
public sealed class KpiTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    [Fact]
    public async Task Kpis_count_members_purchases_returns_points_and_liability_by_tier_segment_and_day()
    {
        var program = await Programs.Create(client, Programs.Configuration.Replace("\"pointsPerUnit\": 1,", "\"pointsPerUnit\": 1, \"pointValueMinor\": 2,", StringComparison.Ordinal));
        var today = DateOnly.FromDateTime(TestClock.UtcNow.UtcDateTime);
        var old = today.AddDays(-100);
        var recent = today.AddDays(-2);
        string At(DateOnly day, int hour) => $"{day:yyyy-MM-dd}T{hour:00}:00:00Z";
        await client.PostEvents(program,
            Api.Purchase("a1", "ann", 12_000, At(old, 10)), Api.Purchase("b1", "bob", 5_000, At(old, 11)),
            Api.Return("b-r1", "bob", 2_000, "b1", At(old.AddDays(1), 9)),
            Api.Purchase("a2", "ann", 100_000, At(recent, 10)), Api.Purchase("c1", "cy", 3_000, At(recent, 12)));
        await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/ann"), m => m?.Long("points.available") == 120);
        await PutReward(program, "mug", 60);
        await PutReward(program, "cap", 40);
        Assert.Equal(HttpStatusCode.Created, (await Redeem(program, "mug", "r1")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Redeem(program, "cap", "r2")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/v1/programs/{program}/members/ann/redemptions/r2", TestContext.Current.CancellationToken)).StatusCode);

        var kpis = await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/kpis"),
            k => k?.Long("members") == 3 && k.Long("points.redeemed") == 60 && k.Long("returns") == 1);

        Assert.Equal((3L, 2L, 3L, 1L), (kpis.Long("members"), kpis.Long("activeMembers30d"), kpis.Long("purchasers"), kpis.Long("repeatPurchasers")));
        Assert.Equal(0.3333m, kpis!["repeatPurchaseRate"]!.GetValue<decimal>());
        Assert.Equal((4L, 1L, 120_000L, 118_000L, 30_000L),
            (kpis.Long("purchases"), kpis.Long("returns"), kpis.Long("grossSpendMinor"), kpis.Long("netSpendMinor"), kpis.Long("averageOrderMinor")));
        Assert.Equal((1_200L, 20L, 60L, 0L, 0L, 1_120L),
            (kpis.Long("points.issued"), kpis.Long("points.clawedBack"), kpis.Long("points.redeemed"), kpis.Long("points.expired"), kpis.Long("points.adjusted"), kpis.Long("points.outstanding")));
        Assert.Equal(2_240, kpis.Long("liabilityMinor"));
        Assert.Equal(0.05m, kpis["redemptionRate"]!.GetValue<decimal>());
        Assert.Equal("""{"member":2,"silver":1,"gold":0}""", kpis["tiers"]!.ToJsonString());

        var tiers = Groups(await client.GetJson($"/v1/programs/{program}/kpis?by=tier"));
        Assert.Equal(["member", "silver", "gold"], tiers.Keys);
        Assert.Equal((2L, 1L, 6_000L, 3_000L), (tiers["member"].Long("members"), tiers["member"].Long("activeMembers30d"), tiers["member"].Long("netSpendMinor"), tiers["member"].Long("clvMinor")));
        Assert.Equal((1L, 112_000L, 112_000L, 60L), (tiers["silver"].Long("members"), tiers["silver"].Long("netSpendMinor"), tiers["silver"].Long("clvMinor"), tiers["silver"].Long("points.redeemed")));
        Assert.Equal(0, tiers["gold"].Long("members"));

        var segments = Groups(await client.GetJson($"/v1/programs/{program}/kpis?by=segment"));
        Assert.Equal(["f1m1", "f2m4"], segments.Keys);
        Assert.Equal((2L, 2L, 1L), (segments["f1m1"].Long("members"), segments["f1m1"].Long("purchases"), segments["f1m1"].Long("returns")));

        // To tomorrow: the redemptions are dated when they were made, which may be past midnight by now.
        var daily = await client.GetJson($"/v1/programs/{program}/kpis/daily?from={old:yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}");
        var days = daily!["days"]!.AsArray().ToDictionary(d => DateOnly.Parse(d!["date"]!.GetValue<string>(), CultureInfo.InvariantCulture), d => d!);
        Assert.Equal(102, days.Count);
        Assert.Equal((2L, 2L, 17_000L, 170L), (days[old].Long("newMembers"), days[old].Long("purchases"), days[old].Long("grossSpendMinor"), days[old].Long("points.issued")));
        Assert.Equal((1L, 2_000L, -2_000L, 20L), (days[old.AddDays(1)].Long("returns"), days[old.AddDays(1)].Long("refundedMinor"), days[old.AddDays(1)].Long("netSpendMinor"), days[old.AddDays(1)].Long("points.clawedBack")));
        Assert.Equal((1L, 2L, 1_030L), (days[recent].Long("newMembers"), days[recent].Long("purchases"), days[recent].Long("points.issued")));
        Assert.Equal(60, days[today].Long("points.redeemed") + days[today.AddDays(1)].Long("points.redeemed"));
        Assert.Equal(0, days[today.AddDays(-50)].Long("purchases"));
    }

    [Fact]
    public async Task Kpi_queries_are_refused_field_by_field_and_an_unknown_program_is_not_found()
    {
        var program = await Programs.Create(client);

        await Problem.Assert(await client.GetAsync($"/v1/programs/{program}/kpis?by=tiers", TestContext.Current.CancellationToken), HttpStatusCode.BadRequest, "by");
        await Problem.Assert(await client.GetAsync($"/v1/programs/{program}/kpis/daily?to=2026-01-31", TestContext.Current.CancellationToken), HttpStatusCode.BadRequest, "from");
        await Problem.Assert(await client.GetAsync($"/v1/programs/{program}/kpis/daily?from=2026-02-30&to=2026-03-01", TestContext.Current.CancellationToken), HttpStatusCode.BadRequest, "from");
        await Problem.Assert(await client.GetAsync($"/v1/programs/{program}/kpis/daily?from=2026-02-01&to=2026-01-01", TestContext.Current.CancellationToken), HttpStatusCode.BadRequest, "to");
        await Problem.Assert(await client.GetAsync($"/v1/programs/{program}/kpis/daily?from=2026-01-01&to=2027-01-02", TestContext.Current.CancellationToken), HttpStatusCode.BadRequest, "to");
        await Problem.Assert(await client.GetAsync($"/v1/programs/{Api.Unique("nobody")}/kpis", TestContext.Current.CancellationToken), HttpStatusCode.NotFound, null);

        var empty = await client.GetJson($"/v1/programs/{program}/kpis");
        Assert.Equal((0L, 0L, 0m), (empty.Long("members"), empty.Long("averageOrderMinor"), empty!["redemptionRate"]!.GetValue<decimal>()));
        var year = await client.GetJson($"/v1/programs/{program}/kpis/daily?from=2026-01-01&to=2026-12-31");
        Assert.Equal(365, year!["days"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_point_value_out_of_bounds_is_refused_naming_the_field()
    {
        var response = await client.PutAsync($"/v1/programs/{Api.Unique("p")}",
            Api.Json(Programs.Configuration.Replace("\"pointsPerUnit\": 1,", "\"pointsPerUnit\": 1, \"pointValueMinor\": -1,", StringComparison.Ordinal)),
            TestContext.Current.CancellationToken);
        await Problem.Assert(response, HttpStatusCode.BadRequest, "pointValueMinor");
    }

    private static Dictionary<string, JsonNode> Groups(JsonObject? answer) =>
        answer!["groups"]!.AsArray().ToDictionary(g => g!["key"]!.GetValue<string>(), g => g!);

    private async Task PutReward(string program, string reward, long cost) =>
        Assert.Equal(HttpStatusCode.Created, (await client.PutAsJsonAsync($"/v1/programs/{program}/rewards/{reward}",
            new { name = reward, costPoints = cost, stock = 10 }, TestContext.Current.CancellationToken)).StatusCode);

    private Task<HttpResponseMessage> Redeem(string program, string reward, string redemption) =>
        client.PostAsJsonAsync($"/v1/programs/{program}/members/ann/redemptions", new { rewardId = reward, redemptionId = redemption }, TestContext.Current.CancellationToken);
}

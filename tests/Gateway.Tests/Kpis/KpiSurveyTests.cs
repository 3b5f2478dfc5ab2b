using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Loyalty.Gateway.Tests.Kpis;

/// <summary>Satisfaction, engagement and manual adjustments in the KPIs, for the program and by tier and segment.</summary>
public sealed class KpiSurveyTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    private static readonly string WithReviews = Programs.Configuration.Replace(
        "\"returnWindowDays\": 30,", "\"returnWindowDays\": 30, \"engagementRules\": [ { \"kind\": \"review\", \"points\": 10 } ],", StringComparison.Ordinal);

    [Fact]
    public async Task Surveys_count_each_members_newest_answer_and_adjustments_and_engagements_show_for_the_program_and_each_tier()
    {
        var program = await Programs.Create(client, WithReviews);
        var first = DateOnly.FromDateTime(TestClock.UtcNow.UtcDateTime).AddDays(-10);
        string At(int day, int hour) => $"{first.AddDays(day):yyyy-MM-dd}T{hour:00}:00:00Z";
        await client.PostEvents(program,
            Api.Purchase("a1", "ann", 150_000, At(0, 10)),                 // silver
            Api.Survey("a-n1", "ann", "nps", 2, At(1, 10)), Api.Survey("a-n2", "ann", "nps", 10, At(2, 10)), Api.Survey("a-c1", "ann", "csat", 5, At(2, 11)),
            Api.Survey("b-n1", "bob", "nps", 8, At(1, 10)), Api.Survey("b-c1", "bob", "csat", 2, At(1, 11)), Api.Survey("b-e1", "bob", "ces", 3, At(1, 12)),
            Api.Survey("c-n1", "cy", "nps", 5, At(3, 10)), Api.Survey("c-e1", "cy", "ces", 6, At(3, 11)),
            Api.Engagement("c-g1", "cy", "review", At(3, 12)));
        await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/cy"), m => m?.Long("points.available") == 10);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/v1/programs/{program}/members/bob/adjustments",
            new { adjustmentId = "adj-1", points = 75, reason = "late delivery" }, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/v1/programs/{program}/members/bob/adjustments",
            new { adjustmentId = "adj-1", points = 75, reason = "late delivery" }, TestContext.Current.CancellationToken)).StatusCode);

        var kpis = (await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/kpis"),
            k => k?.Long("members") == 3 && k.Long("points.adjusted") == 75 && k.Long("surveys.answers") == 8))!;

        Assert.Equal((1_510L, 75L, 1_585L, 1L), (kpis.Long("points.issued"), kpis.Long("points.adjusted"), kpis.Long("points.outstanding"), kpis.Long("engagements")));
        // Newest NPS answers: ann 10 (promoter), bob 8 (passive), cy 5 (detractor): 33 % − 33 % = 0.
        Assert.Equal("""{"responses":3,"promoters":1,"passives":1,"detractors":1,"score":0}""", kpis["surveys"]!["nps"]!.ToJsonString());
        Assert.Equal("""{"responses":2,"satisfied":1,"score":50,"average":3.5}""", kpis["surveys"]!["csat"]!.ToJsonString());
        Assert.Equal("""{"responses":2,"score":4.5}""", kpis["surveys"]!["ces"]!.ToJsonString());

        var tiers = (await client.GetJson($"/v1/programs/{program}/kpis?by=tier"))!["groups"]!.AsArray().ToDictionary(g => g!["key"]!.GetValue<string>(), g => g!);
        Assert.Equal((1L, 100), (tiers["silver"].Long("surveys.nps.responses"), tiers["silver"]["surveys"]!["nps"]!["score"]!.GetValue<int>()));
        Assert.Equal((2L, -50), (tiers["member"].Long("surveys.nps.responses"), tiers["member"]["surveys"]!["nps"]!["score"]!.GetValue<int>()));
        Assert.Equal((75L, 1L), (tiers["member"].Long("points.adjusted"), tiers["member"].Long("engagements")));

        var segments = (await client.GetJson($"/v1/programs/{program}/kpis?by=segment"))!["groups"]!.AsArray().ToDictionary(g => g!["key"]!.GetValue<string>(), g => g!);
        Assert.Equal((2L, 2L), (segments["f1m1"].Long("members"), segments["f1m1"].Long("surveys.ces.responses")));
        Assert.Equal((1L, 1L), (segments["f1m4"].Long("members"), segments["f1m4"].Long("surveys.nps.promoters")));

        var days = (await client.GetJson($"/v1/programs/{program}/kpis/daily?from={first:yyyy-MM-dd}&to={first.AddDays(3):yyyy-MM-dd}"))!["days"]!.AsArray();
        Assert.Equal([0L, 4L, 2L, 2L], days.Select(d => d.Long("surveyAnswers")));
        Assert.Equal([0L, 0L, 0L, 1L], days.Select(d => d.Long("engagements")));
        var today = DateOnly.FromDateTime(TestClock.UtcNow.UtcDateTime);
        var recent = (await client.GetJson($"/v1/programs/{program}/kpis/daily?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}"))!["days"]!.AsArray();
        Assert.Equal(75, recent.Sum(d => d.Long("points.adjusted")));
    }
}

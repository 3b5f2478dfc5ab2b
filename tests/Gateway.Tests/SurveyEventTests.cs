using System.Net;

namespace Loyalty.Gateway.Tests;

/// <summary>Survey answers: the newest score per survey kind in the member view, ranges checked per item, a bonus once per period.</summary>
public sealed class SurveyEventTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    private static readonly string WithBonus = Programs.Configuration.Replace(
        "\"returnWindowDays\": 30,",
        """
        "returnWindowDays": 30, "surveyBonuses": [ { "survey": "nps", "points": 20, "per": "month" } ],
        """,
        StringComparison.Ordinal);

    [Fact]
    public async Task The_member_view_shows_the_newest_answer_per_survey_and_the_bonus_is_paid_once_a_month()
    {
        var program = await Programs.Create(client, WithBonus);
        var answer = await client.PostEvents(program,
            Api.Survey("n2", "hal", "nps", 9, "2026-02-20T10:00:00Z"),
            Api.Survey("n1", "hal", "nps", 4, "2026-02-10T10:00:00Z"),
            Api.Survey("n3", "hal", "nps", 10, "2026-03-01T10:00:00Z"),
            Api.Survey("c1", "hal", "csat", 5, "2026-02-11T10:00:00Z"),
            Api.Survey("e1", "hal", "ces", 2, "2026-02-12T10:00:00Z"));
        Assert.Equal(5, answer.Long("accepted"));

        var hal = await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/hal"), m => m?["surveys"]?.AsArray().Count == 3);
        Assert.Equal(
            [("nps", 10L, "2026-03-01T10:00:00+00:00", 3L), ("csat", 5L, "2026-02-11T10:00:00+00:00", 1L), ("ces", 2L, "2026-02-12T10:00:00+00:00", 1L)],
            hal!["surveys"]!.AsArray().Select(s => (s!["survey"]!.GetValue<string>(), s.Long("score"), s["answeredAt"]!.GetValue<DateTimeOffset>().ToString("yyyy-MM-ddTHH:mm:sszzz"), s.Long("responses"))));
        Assert.Equal(40, hal.Long("points.available")); // February and March
        Assert.Equal(["bonus", "bonus"], (await client.ReadLedger(program, "hal")).Select(e => e.Kind));
    }

    [Theory]
    [InlineData("""[{ "survey": "nps", "points": 0, "per": "month" }]""", "surveyBonuses[0].points")]
    [InlineData("""[{ "survey": "nps", "points": 5, "per": "week" }]""", null)]
    [InlineData("""[{ "survey": "nps", "points": 5, "per": "year" }, { "survey": "nps", "points": 5, "per": "month" }]""", "surveyBonuses[1].survey")]
    public async Task A_bad_survey_bonus_is_refused(string bonuses, string? field)
    {
        var json = Programs.Configuration.Replace("\"returnWindowDays\": 30,", $"\"returnWindowDays\": 30, \"surveyBonuses\": {bonuses},", StringComparison.Ordinal);
        var response = await client.PutAsync($"/v1/programs/{Api.Unique("p")}", Api.Json(json), TestContext.Current.CancellationToken);
        await Problem.Assert(response, HttpStatusCode.BadRequest, field);
    }
}

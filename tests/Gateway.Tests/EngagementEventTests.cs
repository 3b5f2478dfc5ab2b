using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Loyalty.Gateway.Tests;

/// <summary>Engagement events beside purchases: earned by rule within a daily cap, counted for badges, challenges and streaks.</summary>
public sealed class EngagementEventTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    private static readonly string Engaging = Programs.Configuration.Replace(
        "\"returnWindowDays\": 30,",
        """
        "returnWindowDays": 30,
        "engagementRules": [
          { "kind": "review", "points": 40, "maxPerDay": 1 },
          { "kind": "app-open", "points": 0, "countsForStreak": true }
        ],
        "badges": [ { "id": "critic", "name": "Critic", "kind": "engagement", "engagementKind": "review", "target": 2 } ],
        """,
        StringComparison.Ordinal);

    [Fact]
    public async Task Engagements_earn_within_the_daily_cap_count_per_kind_award_badges_keep_streaks_and_repeat_as_duplicates()
    {
        var program = await Programs.Create(client, Engaging);
        var answer = await client.PostEvents(program,
            Api.Engagement("r1", "eve", "review", "2026-03-10T09:00:00Z"),
            Api.Engagement("r2", "eve", "review", "2026-03-10T18:00:00Z"),
            Api.Engagement("r3", "eve", "review", "2026-03-11T09:00:00Z"),
            Api.Engagement("o1", "eve", "app-open", "2026-03-12T09:00:00Z"),
            Api.Engagement("s1", "eve", "social-share", "2026-03-12T10:00:00Z"),
            Api.Engagement("r1", "eve", "review", "2026-03-10T09:00:00Z"));
        Assert.Equal((5L, 1L, 0L), (answer.Long("accepted"), answer.Long("duplicates"), answer.Long("rejected")));

        var eve = (await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/eve"), m => m?.Long("engagement.total") == 5))!;
        Assert.Equal((80L, 80L, 0L), (eve.Long("points.available"), eve.Long("points.lifetimeEarned"), eve.Long("points.pending")));
        Assert.Equal((3L, 1L, 1L), (eve.Long("engagement.byKind.review"), eve.Long("engagement.byKind.app-open"), eve.Long("engagement.byKind.social-share")));
        Assert.Equal("critic", Assert.Single(eve["badges"]!.AsArray())?["id"]?.GetValue<string>());
        Assert.Equal(1, eve.Long("streak.best")); // only app-open keeps the streak

        Assert.Equal(["earned", "earned"], (await client.ReadLedger(program, "eve")).Select(e => e.Kind));
        var again = await client.PostEvents(program, Api.Engagement("r3", "eve", "review", "2026-03-11T09:00:00Z"));
        Assert.Equal(1, again.Long("duplicates"));
    }

    [Fact]
    public async Task An_engagement_challenge_counts_its_kind_and_shows_its_filter()
    {
        var program = await Programs.Create(client, Engaging);
        var put = await client.PutAsJsonAsync($"/v1/programs/{program}/challenges/reviews", new
        {
            name = "Review March",
            start = "2026-03-01",
            end = "2026-04-01",
            goal = new { kind = "engagement", target = 2 },
            filters = new { engagementKind = "review" },
            reward = new { points = 100 },
        }, TestContext.Current.CancellationToken);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("review", (await client.GetRequiredJson($"/v1/programs/{program}/challenges/reviews"))["filters"]!["engagementKind"]!.GetValue<string>());

        await client.PostEvents(program,
            Api.Engagement("o1", "fay", "app-open", "2026-03-05T09:00:00Z"),
            Api.Purchase("p1", "fay", 5_000, "2026-03-05T10:00:00Z"),
            Api.Engagement("r1", "fay", "review", "2026-03-06T09:00:00Z"),
            Api.Engagement("r2", "fay", "review", "2026-03-07T09:00:00Z"));

        var fay = await Polling.Eventually(
            () => client.GetJson($"/v1/programs/{program}/members/fay"), m => m?["challenges"]?.AsArray() is [{ } c] && c["completedAt"] is not null);
        var progress = fay!["challenges"]![0]!;
        Assert.Equal((2L, 2L), (progress.Long("value"), progress.Long("target")));
    }

    [Fact]
    public async Task Bad_engagement_and_survey_items_are_rejected_naming_their_field_beside_good_ones()
    {
        var program = await Programs.Create(client, Engaging);
        var answer = await client.PostEvents(program,
            Api.Engagement("ok", "gus", "review"),
            Api.Engagement("bad-kind", "gus", "Review!"),
            Api.Survey("bad-score", "gus", "csat", 6),
            Api.Survey("bad-survey", "gus", "stars", 3),
            new JsonObject { ["type"] = "engagement", ["eventId"] = "no-kind", ["memberId"] = "gus", ["occurredAt"] = "2026-03-10T12:00:00Z" });

        Assert.Equal(
            [("ok", "accepted", null), ("bad-kind", "rejected", "[1].kind"), ("bad-score", "rejected", "[2].score"), ("bad-survey", "rejected", "[3].survey"), ("no-kind", "rejected", "[4].kind")],
            answer["results"]!.AsArray().Select(r => (r!["eventId"]!.GetValue<string>(), r["status"]!.GetValue<string>(), r["field"]?.GetValue<string>())));
    }

    [Theory]
    [InlineData("""[{ "kind": "Review", "points": 1 }]""", "engagementRules[0].kind")]
    [InlineData("""[{ "kind": "review", "points": -1 }]""", "engagementRules[0].points")]
    [InlineData("""[{ "kind": "review", "points": 1, "maxPerDay": 0 }]""", "engagementRules[0].maxPerDay")]
    [InlineData("""[{ "kind": "review", "points": 1 }, { "kind": "review", "points": 2 }]""", "engagementRules[1].kind")]
    public async Task A_bad_engagement_rule_is_refused_naming_its_field_path(string rules, string field)
    {
        var json = Programs.Configuration.Replace("\"returnWindowDays\": 30,", $"\"returnWindowDays\": 30, \"engagementRules\": {rules},", StringComparison.Ordinal);
        var response = await client.PutAsync($"/v1/programs/{Api.Unique("p")}", Api.Json(json), TestContext.Current.CancellationToken);
        await Problem.Assert(response, HttpStatusCode.BadRequest, field);
    }
}

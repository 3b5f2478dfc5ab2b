using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Loyalty.Gateway.Tests;

/// <summary>Challenges over HTTP: definitions, progress in the member view, completions in order, winners and their rewards.</summary>
public sealed class ChallengeTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    private const string SpendChallenge = """
        {
          "name": "Spend 100 in March",
          "start": "2026-03-01",
          "end": "2026-04-01",
          "goal": { "kind": "spend", "target": 10000 },
          "reward": { "points": 250, "badge": "march-star" },
          "maxWinners": 2
        }
        """;

    private Task<HttpResponseMessage> Put(string program, string challenge, string body) =>
        client.PutAsync($"/v1/programs/{program}/challenges/{challenge}", new StringContent(body, Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

    [Fact]
    public async Task Defining_a_challenge_creates_it_once_and_each_change_is_a_new_program_version()
    {
        var program = await Programs.Create(client);
        var created = await Put(program, "march", SpendChallenge);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("\"2\"", created.Headers.ETag?.Tag);

        var changed = await Put(program, "march", SpendChallenge.Replace("\"maxWinners\": 2", "\"maxWinners\": 3", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("\"3\"", changed.Headers.ETag?.Tag);

        var get = await client.GetAsync($"/v1/programs/{program}/challenges/march", TestContext.Current.CancellationToken);
        Assert.Equal("\"3\"", get.Headers.ETag?.Tag);
        var read = await get.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.Equal(("spend", 10_000L, 3L, "2026-03-01T00:00:00", 0L), (
            read!["goal"]!["kind"]!.GetValue<string>(), read.Long("goal.target"), read.Long("maxWinners"), read["start"]!.GetValue<string>(), read.Long("completions")));
        var list = await client.GetJson($"/v1/programs/{program}/challenges");
        Assert.Equal("march", Assert.Single(list!["challenges"]!.AsArray())!["challengeId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("\"end\": \"2026-04-01\"", "\"end\": \"2026-02-01\"", "end")]
    [InlineData("\"kind\": \"spend\"", "\"kind\": \"steps\"", "goal.kind")]
    [InlineData("\"start\": \"2026-03-01\"", "\"start\": \"2026-03-01T00:00:00Z\"", "start")]
    [InlineData("\"maxWinners\": 2", "\"maxWinners\": 0", "maxWinners")]
    [InlineData("\"maxWinners\": 2", "\"maxWinner\": 2", "maxWinner")]
    public async Task A_bad_definition_is_refused_naming_the_field_and_nothing_is_stored(string from, string to, string field)
    {
        var program = await Programs.Create(client);
        await Problem.Assert(await Put(program, "march", SpendChallenge.Replace(from, to, StringComparison.Ordinal)), HttpStatusCode.BadRequest, field);
        var missing = await client.GetAsync($"/v1/programs/{program}/challenges/march", TestContext.Current.CancellationToken);
        await Problem.Assert(missing, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_first_completions_win_in_order_later_ones_are_recorded_without_reward_and_the_board_ranks_progress()
    {
        var program = await Programs.Create(client);
        Assert.Equal(HttpStatusCode.Created, (await Put(program, "march", SpendChallenge)).StatusCode);

        // Outside the window: never counts, even arriving now.
        await client.PostEvents(program, Api.Purchase("early", "ann", 50_000, "2026-02-28T23:59:59Z"));
        foreach (var (member, i) in new[] { "ann", "bob", "cid" }.Select((m, i) => (m, i)))
        {
            await client.PostEvents(program, Api.Purchase($"{member}-1", member, 4_000, "2026-03-05T10:00:00Z"));
            await client.PostEvents(program, Api.Purchase($"{member}-2", member, 6_000 + i, $"2026-03-1{i}T10:00:00Z"));
            await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/{member}"), m => Challenge(m)?["position"] is not null);
        }

        await client.PostEvents(program, Api.Purchase("dan-1", "dan", 2_500, "2026-03-20T10:00:00Z"));
        var dan = await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/dan"), m => Challenge(m) is not null);
        Assert.Equal((0.25m, 2_500L, true), (Challenge(dan)!["progress"]!.GetValue<decimal>(), Challenge(dan).Long("value"), Challenge(dan)!["completedAt"] is null));

        var completions = await client.GetJson($"/v1/programs/{program}/challenges/march/completions");
        Assert.Equal(
            [("ann", 1, true, "2026-03-10T10:00:00+00:00"), ("bob", 2, true, "2026-03-11T10:00:00+00:00"), ("cid", 3, false, "2026-03-12T10:00:00+00:00")],
            completions!["items"]!.AsArray().Select(c => (
                c!["memberId"]!.GetValue<string>(), c["position"]!.GetValue<int>(), c["winner"]!.GetValue<bool>(),
                DateTimeOffset.Parse(c["completedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal((3L, 2L), (completions.Long("total"), completions.Long("winners")));

        foreach (var (member, won) in new[] { ("ann", true), ("bob", true), ("cid", false) })
        {
            var view = await client.GetJson($"/v1/programs/{program}/members/{member}");
            Assert.Equal(1m, Challenge(view)!["progress"]!.GetValue<decimal>());
            Assert.Equal(won, view!["badges"]!.AsArray().Any(b => b!["id"]!.GetValue<string>() == "march-star"));
            var bonus = (await client.ReadLedger(program, member)).Where(e => e.Kind == "bonus").Sum(e => e.Points);
            Assert.Equal(won ? 250 : 0, bonus);
        }

        var board = await Polling.Eventually(
            () => client.GetJson($"/v1/programs/{program}/challenges/march/leaderboard?top=10"), b => b?["entries"]?.AsArray().Count == 4);
        Assert.Equal(
            [("cid", 10_002L), ("bob", 10_001L), ("ann", 10_000L), ("dan", 2_500L)],
            board!["entries"]!.AsArray().Select(e => (e!["memberId"]!.GetValue<string>(), e.Long("score"))));
    }

    [Fact]
    public async Task Routes_of_a_challenge_never_defined_answer_404()
    {
        var program = await Programs.Create(client);
        foreach (var path in new[] { "", "/completions", "/leaderboard", "/leaderboard/members/ann" })
        {
            var response = await client.GetAsync($"/v1/programs/{program}/challenges/none{path}", TestContext.Current.CancellationToken);
            await Problem.Assert(response, HttpStatusCode.NotFound);
        }
    }

    private static JsonNode? Challenge(JsonObject? member) =>
        member?["challenges"]?.AsArray().FirstOrDefault(c => c!["challengeId"]!.GetValue<string>() == "march");
}

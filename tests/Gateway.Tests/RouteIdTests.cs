using System.Net;
using System.Net.Http.Json;

namespace Loyalty.Gateway.Tests;

/// <summary>Ids in paths and events are checked whole: "x\n" is not a look-alike of "x", and nothing is stored for it.</summary>
public sealed class RouteIdTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    [Fact]
    public async Task A_program_id_with_a_trailing_newline_is_refused_and_no_program_is_created()
    {
        var id = Api.Unique("hx-nl");
        var put = await client.PutAsync($"/v1/programs/{id}%0A", Api.Json(Programs.Configuration), TestContext.Current.CancellationToken);

        await Problem.Assert(put, HttpStatusCode.BadRequest, "programId");
        await Problem.Assert(await client.GetAsync($"/v1/programs/{id}", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_member_id_with_a_trailing_newline_rejects_its_event_and_creates_no_look_alike()
    {
        var program = await Programs.Create(client);
        var answer = await client.PostEvents(program, Api.Purchase("nl", "x\n", 1_000), Api.Purchase("ok", "y", 1_000));

        Assert.Equal("[0].memberId", answer["results"]![0]!["field"]!.GetValue<string>());
        await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/y"), m => m is not null);
        await Problem.Assert(await client.GetAsync($"/v1/programs/{program}/members/x", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Reward_and_challenge_ids_with_a_newline_are_refused_before_anything_is_stored()
    {
        var program = await Programs.Create(client);
        var reward = await client.PutAsJsonAsync($"/v1/programs/{program}/rewards/mug%0A", new { name = "Mug", costPoints = 5, stock = 1 },
            TestContext.Current.CancellationToken);
        var challenge = await client.PutAsync($"/v1/programs/{program}/challenges/march%0A", Api.Json("""
            {"name":"c","start":"2026-03-01","end":"2026-04-01","goal":{"kind":"purchases","target":1},"reward":{"points":1}}
            """), TestContext.Current.CancellationToken);

        await Problem.Assert(reward, HttpStatusCode.BadRequest, "rewardId");
        await Problem.Assert(challenge, HttpStatusCode.BadRequest, "challengeId");
        await Problem.Assert(await client.GetAsync($"/v1/programs/{program}/rewards/mug", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
        Assert.Empty((await client.GetJson($"/v1/programs/{program}/challenges"))!["challenges"]!.AsArray());
        var configuration = await client.GetAsync($"/v1/programs/{program}", TestContext.Current.CancellationToken);
        Assert.Equal("\"1\"", configuration.Headers.ETag?.Tag); // no new version
    }

    [Theory]
    [InlineData("GET", "members/x%0A", "memberId")]
    [InlineData("GET", "members/x%0A/ledger", "memberId")]
    [InlineData("PUT", "members/x%0A/profile", "memberId")]
    [InlineData("POST", "members/x%0A/redemptions", "memberId")]
    [InlineData("DELETE", "members/ann/redemptions/r1%0A", "redemptionId")]
    [InlineData("POST", "members/x%0A/referral-code", "memberId")]
    [InlineData("POST", "members/x%0A/referrer", "memberId")]
    [InlineData("GET", "members/x%0A/live", "memberId")]
    [InlineData("GET", "leaderboards/points/members/x%0A", "memberId")]
    [InlineData("GET", "rewards/mug%0A", "rewardId")]
    [InlineData("GET", "challenges/march%0A", "challengeId")]
    [InlineData("GET", "challenges/march%0A/completions", "challengeId")]
    [InlineData("GET", "challenges/march%0A/leaderboard/members/ann", "challengeId")]
    [InlineData("GET", "challenges/march/leaderboard/members/x%0A", "memberId")]
    public async Task Every_route_refuses_an_id_with_a_control_character_naming_it(string method, string path, string field)
    {
        var program = await Programs.Create(client);
        var response = await client.Send(method, $"/v1/programs/{program}/{path}", method is "PUT" or "POST" ? Api.Json("{}") : null);

        await Problem.Assert(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_redemption_id_outside_ascii_is_escaped_in_the_location()
    {
        var program = await Programs.Create(client);
        await client.PutAsJsonAsync($"/v1/programs/{program}/rewards/pen", new { name = "Pen", costPoints = 10, stock = 5 }, TestContext.Current.CancellationToken);
        await client.PostEvents(program, Api.Purchase("p1", "ann", 10_000, "2026-01-05T10:00:00Z"));
        await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/ann"), m => m?.Long("points.available") == 100);

        var redeemed = await client.PostAsJsonAsync($"/v1/programs/{program}/members/ann/redemptions",
            new { rewardId = "pen", redemptionId = "café 1" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, redeemed.StatusCode);
        Assert.Equal($"/v1/programs/{program}/members/ann/redemptions/caf%C3%A9%201", redeemed.Headers.Location?.OriginalString);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Loyalty.Gateway.Tests;

/// <summary>The catalogue read back: conditional changes of a reward, and the list of every reward a program defined.</summary>
public sealed class RewardCatalogueTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    [Fact]
    public async Task A_change_under_a_stale_If_Match_is_refused_with_412_and_stores_nothing()
    {
        var program = await Programs.Create(client);
        Assert.Equal("\"1\"", (await Put(program, "mug", Mug(costPoints: 50))).Headers.ETag?.Tag);

        var stale = await Put(program, "mug", Mug(costPoints: 10), "\"7\"");
        await Problem.Assert(stale, HttpStatusCode.PreconditionFailed);
        Assert.Equal("\"1\"", stale.Headers.ETag?.Tag);
        var read = await client.GetAsync($"/v1/programs/{program}/rewards/mug", TestContext.Current.CancellationToken);
        var mug = await read.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.Equal((50L, 1L, "\"1\""), (mug.Long("costPoints"), mug.Long("version"), read.Headers.ETag?.Tag));

        var current = await Put(program, "mug", Mug(costPoints: 40), "\"1\"");
        Assert.Equal((HttpStatusCode.OK, "\"2\""), (current.StatusCode, current.Headers.ETag?.Tag));
        Assert.Equal("\"3\"", (await Put(program, "mug", Mug(costPoints: 30), "*")).Headers.ETag?.Tag);
        Assert.Equal("\"4\"", (await Put(program, "mug", Mug(costPoints: 20))).Headers.ETag?.Tag);
        await Problem.Assert(await Put(program, "mug", Mug(costPoints: 20), "\"four\""), HttpStatusCode.BadRequest, "If-Match");
        Assert.Equal(20, (await client.GetJson($"/v1/programs/{program}/rewards/mug")).Long("costPoints"));

        // A reward that does not exist yet is at no version: If-Match "1" cannot create it.
        await Problem.Assert(await Put(program, "cap", Mug(costPoints: 5), "\"1\""), HttpStatusCode.PreconditionFailed);
        await Problem.Assert(await client.GetAsync($"/v1/programs/{program}/rewards/cap", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_catalogue_lists_every_reward_defined_in_id_order_with_its_stock_and_version_page_by_page()
    {
        var program = await Programs.Create(client);
        foreach (var id in new[] { "tote", "cap", "mug" })
        {
            Assert.Equal(HttpStatusCode.Created, (await Put(program, id, Mug(costPoints: 60))).StatusCode);
        }

        await Put(program, "cap", Mug(costPoints: 70));
        await Problem.Assert(await Put(program, "bad", new { name = "", costPoints = 0, stock = 1 }), HttpStatusCode.BadRequest, "costPoints");
        await client.PostEvents(program, Api.Purchase("p1", "ann", 10_000, "2026-01-05T10:00:00Z"));
        await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/ann"), m => m?.Long("points.available") == 100);
        var redeemed = await client.PostAsJsonAsync($"/v1/programs/{program}/members/ann/redemptions",
            new { rewardId = "tote", redemptionId = "r1" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, redeemed.StatusCode);

        var list = await client.GetJson($"/v1/programs/{program}/rewards");
        Assert.Equal(3, list.Long("total"));
        Assert.Equal(
            [("cap", 70L, 2L, 5L), ("mug", 60L, 1L, 5L), ("tote", 60L, 1L, 4L)],
            list!["items"]!.AsArray().Select(r => (r!["rewardId"]!.GetValue<string>(), r.Long("costPoints"), r.Long("version"), r.Long("remaining"))));

        var first = await client.GetJson($"/v1/programs/{program}/rewards?limit=2");
        var rest = await client.GetJson($"/v1/programs/{program}/rewards?offset=2&limit=2");
        Assert.Equal(["cap", "mug"], Ids(first));
        Assert.Equal(["tote"], Ids(rest));
        Assert.Equal((2L, 3L), (rest.Long("offset"), rest.Long("total")));

        await Problem.Assert(await client.GetAsync($"/v1/programs/{program}/rewards?limit=101", TestContext.Current.CancellationToken), HttpStatusCode.BadRequest, "limit");
        await Problem.Assert(await client.GetAsync($"/v1/programs/{program}/rewards?offset=-1", TestContext.Current.CancellationToken), HttpStatusCode.BadRequest, "offset");
        var empty = await client.GetJson($"/v1/programs/{await Programs.Create(client)}/rewards");
        Assert.Equal((0L, 0), (empty.Long("total"), empty!["items"]!.AsArray().Count));
        await Problem.Assert(await client.GetAsync("/v1/programs/never-configured/rewards", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
    }

    private static object Mug(long costPoints) => new { name = "Mug", costPoints, stock = 5 };

    private static IEnumerable<string> Ids(JsonObject? list) => list!["items"]!.AsArray().Select(r => r!["rewardId"]!.GetValue<string>());

    private Task<HttpResponseMessage> Put(string program, string reward, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/v1/programs/{program}/rewards/{reward}") { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}

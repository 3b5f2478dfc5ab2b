using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Loyalty.Gateway.Tests;

/// <summary>The rewards catalogue and atomic redemption: stock and points move together or not at all.</summary>
public sealed class RedemptionTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    [Fact]
    public async Task A_reward_is_defined_read_back_with_its_stock_and_validated_field_by_field()
    {
        var program = await Programs.Create(client);
        var created = await Put(program, "mug", new { name = "Mug", costPoints = 50, stock = 3, perMemberLimit = 1 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var reward = await client.GetJson($"/v1/programs/{program}/rewards/mug");
        Assert.Equal(3, reward.Long("remaining"));
        Assert.Equal((50L, 1L), (reward.Long("costPoints"), reward.Long("version")));
        Assert.Equal("\"1\"", created.Headers.ETag?.Tag);

        var changed = await Put(program, "mug", new { name = "Mug", costPoints = 40, stock = 5 });
        Assert.Equal((HttpStatusCode.OK, "\"2\""), (changed.StatusCode, changed.Headers.ETag?.Tag));
        await Problem.Assert(await Put(program, "bad", new { name = "", costPoints = 0, stock = -1 }), HttpStatusCode.BadRequest, "costPoints");
        await Problem.Assert(await Put(program, "bad", new { name = "X", costPoints = "ten", stock = 1 }), HttpStatusCode.BadRequest, "costPoints");
        await Problem.Assert(await Put(program, "bad", new { name = "X", costPoints = 1, stock = 1, colour = "red" }), HttpStatusCode.BadRequest, null);
        await Problem.Assert(await client.GetAsync($"/v1/programs/{program}/rewards/none", TestContext.Current.CancellationToken), HttpStatusCode.NotFound, null);
    }

    [Fact]
    public async Task Redeeming_moves_points_and_stock_and_cancelling_gives_both_back()
    {
        var program = await Programs.Create(client);
        await Put(program, "mug", new { name = "Mug", costPoints = 60, stock = 10 });
        await client.PostEvents(program, Api.Purchase("p1", "ann", 10_000, "2026-01-05T10:00:00Z"), Api.Purchase("p2", "ann", 50_000, TestClock.UtcNow.ToString("O")));
        await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/ann"), m => m?.Long("points.pending") == 500);

        var redeemed = await Redeem(program, "ann", "mug", "r1");
        Assert.Equal(HttpStatusCode.Created, redeemed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Redeem(program, "ann", "mug", "r1")).StatusCode); // repeated: same outcome, nothing moves
        var ann = await client.GetJson($"/v1/programs/{program}/members/ann");
        Assert.Equal((40L, 500L, 60L), (ann.Long("points.available"), ann.Long("points.pending"), ann.Long("points.redeemed")));
        Assert.Equal(9, (await client.GetJson($"/v1/programs/{program}/rewards/mug")).Long("remaining"));

        // Pending points cannot pay: refused, and no stock moves.
        await Problem.Assert(await Redeem(program, "ann", "mug", "r2"), HttpStatusCode.Conflict, null);
        Assert.Equal(9, (await client.GetJson($"/v1/programs/{program}/rewards/mug")).Long("remaining"));

        var cancel = await client.DeleteAsync($"/v1/programs/{program}/members/ann/redemptions/r1", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/v1/programs/{program}/members/ann/redemptions/r1", TestContext.Current.CancellationToken)).StatusCode);
        ann = await client.GetJson($"/v1/programs/{program}/members/ann");
        Assert.Equal((100L, 0L), (ann.Long("points.available"), ann.Long("points.redeemed")));
        Assert.Equal(10, (await client.GetJson($"/v1/programs/{program}/rewards/mug")).Long("remaining"));
        var ledger = await client.ReadLedger(program, "ann");
        Assert.Equal(ann.Long("points.available"), ledger.Where(e => e.Balance == "available").Sum(e => e.Points));
    }

    [Fact]
    public async Task A_redemptions_location_answers_it_before_and_after_it_is_cancelled()
    {
        var program = await Programs.Create(client);
        await Put(program, "mug", new { name = "Mug", costPoints = 60, stock = 10 });
        await client.PostEvents(program, Api.Purchase("p1", "ann", 10_000, "2026-01-05T10:00:00Z"));
        await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/ann"), m => m?.Long("points.available") == 100);

        const string RedemptionId = "order 17/1 ?";
        var redeemed = await Redeem(program, "ann", "mug", RedemptionId);
        Assert.Equal(HttpStatusCode.Created, redeemed.StatusCode);
        var location = redeemed.Headers.Location!.OriginalString;
        var read = await client.GetJson(location);
        Assert.Equal(("redeemed", RedemptionId, "mug", 60L), (read!["status"]!.GetValue<string>(), read["redemptionId"]!.GetValue<string>(), read["rewardId"]!.GetValue<string>(), read.Long("points")));
        Assert.Null(read["cancelledAt"]);

        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync(location, TestContext.Current.CancellationToken)).StatusCode);
        var cancelled = await client.GetJson(location);
        Assert.Equal(("cancelled", 60L), (cancelled!["status"]!.GetValue<string>(), cancelled.Long("points")));
        Assert.NotNull(cancelled["cancelledAt"]);
        Assert.Equal(100, (await client.GetJson($"/v1/programs/{program}/members/ann")).Long("points.available"));

        await Problem.Assert(await client.GetAsync($"/v1/programs/{program}/members/ann/redemptions/none", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
        await Problem.Assert(await client.GetAsync($"/v1/programs/{program}/members/bob/redemptions/r1", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"redemptionId":"r"}""", "rewardId")]
    [InlineData("""{"rewardId":"mug"}""", "redemptionId")]
    [InlineData("""{"rewardId":"mug","redemptionId":7}""", "redemptionId")]
    [InlineData("""[1]""", "body")]
    public async Task Redemption_requests_are_validated(string body, string field)
    {
        var program = await Programs.Create(client);
        var response = await client.PostAsync($"/v1/programs/{program}/members/ann/redemptions",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        await Problem.Assert(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Two_thousand_concurrent_redemptions_by_500_members_take_exactly_the_stock_of_100()
    {
        const int Members = 500;
        var program = await Programs.Create(client);
        await Put(program, "tv", new { name = "TV", costPoints = 60, stock = 100 });
        var members = Enumerable.Range(0, Members).Select(i => $"m{i:D3}").ToList();
        foreach (var chunk in members.Chunk(250))
        {
            await client.PostEvents(program, [.. chunk.Select(m => Api.Purchase($"buy-{m}", m, 10_000, "2026-01-05T10:00:00Z"))]);
        }

        await ReplayExpectations.WaitUntilApplied(client, program, members.ToDictionary(m => m, _ => 10_000L), TimeSpan.FromSeconds(60));

        // Four attempts per member, each member's third attempt repeating its first redemption id.
        var attempts = members.SelectMany(m => new[] { $"{m}-a", $"{m}-b", $"{m}-a", $"{m}-c" }.Select(id => (Member: m, RedemptionId: id)))
            .OrderBy(_ => Random.Shared.Next()).ToList();
        var answers = await Task.WhenAll(attempts.Select(async a =>
        {
            using var response = await Redeem(program, a.Member, "tv", a.RedemptionId);
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
            return (a.Member, a.RedemptionId, response.StatusCode, Points: response.IsSuccessStatusCode ? body.Long("points") : 0);
        }));

        Assert.DoesNotContain(answers, a => a.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.Conflict));
        var winners = answers.Where(a => a.StatusCode == HttpStatusCode.Created).ToList();
        Assert.Equal(100, winners.Count);
        Assert.All(winners, w => Assert.Equal(60, w.Points));
        Assert.Equal(100, winners.Select(w => w.Member).Distinct().Count()); // 100 points each: nobody can pay twice
        Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.OK), repeat => Assert.Contains(winners, w => w.RedemptionId == repeat.RedemptionId));
        Assert.Equal(0, (await client.GetJson($"/v1/programs/{program}/rewards/tv")).Long("remaining"));

        var winnerSet = winners.Select(w => w.Member).ToHashSet();
        await Parallel.ForEachAsync(members, async (m, _) =>
        {
            var member = await client.GetJson($"/v1/programs/{program}/members/{m}");
            Assert.Equal(winnerSet.Contains(m) ? 40 : 100, member.Long("points.available"));
        });
    }

    private Task<HttpResponseMessage> Put(string program, string reward, object body) =>
        client.PutAsJsonAsync($"/v1/programs/{program}/rewards/{reward}", body, TestContext.Current.CancellationToken);

    private Task<HttpResponseMessage> Redeem(string program, string member, string reward, string redemptionId) =>
        client.PostAsJsonAsync($"/v1/programs/{program}/members/{member}/redemptions", new { rewardId = reward, redemptionId }, TestContext.Current.CancellationToken);
}

using System.Net;
using System.Text.Json.Nodes;

namespace Loyalty.Gateway.Tests;

public sealed class MemberAndLeaderboardTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    [Fact]
    public async Task A_member_never_seen_is_not_found()
    {
        var program = await Programs.Create(client);
        await Problem.Assert(await client.GetAsync($"/v1/programs/{program}/members/nobody", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_ledger_pages_newest_first_and_sums_to_the_balances()
    {
        var program = await Programs.Create(client);
        await client.PostEvents(program,
            Api.Purchase("l1", "hana", 1_000, "2026-01-05T10:00:00Z"),
            Api.Purchase("l2", "hana", 2_000, "2026-01-06T10:00:00Z"),
            Api.Return("l3", "hana", 500, "l2", "2026-01-07T10:00:00Z"));
        var member = await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/hana"), m => m?.Long("points.clawedBack") == 5);

        var all = await client.GetJson($"/v1/programs/{program}/members/hana/ledger?limit=500");
        var entries = all!["entries"]!.AsArray();
        Assert.Equal(all.Long("total"), entries.Count);
        var sequences = entries.Select(e => e!["sequence"]!.GetValue<long>()).ToList();
        Assert.Equal(sequences.OrderDescending(), sequences);
        Assert.Equal(member.Long("points.available"), entries.Where(e => e!["balance"]!.GetValue<string>() == "available").Sum(e => e!["points"]!.GetValue<long>()));
        Assert.Equal(member.Long("points.pending"), entries.Where(e => e!["balance"]!.GetValue<string>() == "pending").Sum(e => e!["points"]!.GetValue<long>()));

        var second = await client.GetJson($"/v1/programs/{program}/members/hana/ledger?offset=1&limit=1");
        Assert.Equal(sequences[1], second!["entries"]![0]!["sequence"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("ledger?limit=0", "limit")]
    [InlineData("ledger?offset=-1", "offset")]
    public async Task Ledger_paging_is_validated(string query, string field)
    {
        var program = await Programs.Create(client);
        await client.PostEvents(program, Api.Purchase("v1", "ivan", 100));
        await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/ivan"), m => m is not null);
        await Problem.Assert(await client.GetAsync($"/v1/programs/{program}/members/ivan/{query}", TestContext.Current.CancellationToken), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Boards_rank_by_score_then_by_who_reached_it_first()
    {
        var program = await Programs.Create(client);
        await client.PostEvents(program,
            Api.Purchase("b1", "ann", 30_000, "2026-02-01T10:00:00Z"),
            Api.Purchase("b2", "ben", 50_000, "2026-02-02T10:00:00Z"),
            Api.Purchase("b3", "cat", 30_000, "2026-02-03T10:00:00Z"),
            Api.Purchase("b4", "dov", 10_000, "2026-03-01T10:00:00Z"));

        var top = await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/leaderboards/points?period=all&top=10"),
            b => b?["entries"]?.AsArray().Count == 4);
        Assert.Equal(["ben", "ann", "cat", "dov"], top!["entries"]!.AsArray().Select(e => e!["memberId"]!.GetValue<string>()));
        Assert.Equal([1, 2, 3, 4], top["entries"]!.AsArray().Select(e => e!["rank"]!.GetValue<int>()));
        Assert.Equal(500, top["entries"]![0]!["score"]!.GetValue<long>());

        var spendFebruary = await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/leaderboards/spend?period=2026-02"),
            b => b?["entries"]?.AsArray().Count == 3);
        Assert.Equal([50_000L, 30_000L, 30_000L], spendFebruary!["entries"]!.AsArray().Select(e => e!["score"]!.GetValue<long>()));
        Assert.Equal("2026-02", spendFebruary["period"]!.GetValue<string>());

        var cat = await client.GetJson($"/v1/programs/{program}/leaderboards/points/members/cat?period=all&around=1");
        Assert.Equal(3, cat.Long("rank"));
        Assert.Equal(300, cat.Long("score"));
        Assert.Equal(["ann", "cat", "dov"], cat!["around"]!.AsArray().Select(e => e!["memberId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_return_lowers_the_net_points_board()
    {
        var program = await Programs.Create(client);
        await client.PostEvents(program, Api.Purchase("r1", "eve", 20_000), Api.Purchase("r2", "fay", 15_000));
        await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/leaderboards/points"), b => b?["entries"]?.AsArray().Count == 2);

        await client.PostEvents(program, Api.Return("r3", "eve", 10_000, "r1"));

        var board = await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/leaderboards/points"),
            b => b?["entries"]?[0]?["memberId"]?.GetValue<string>() == "fay");
        Assert.Equal(["fay", "eve"], board!["entries"]!.AsArray().Select(e => e!["memberId"]!.GetValue<string>()));
        Assert.Equal([150L, 100L], board["entries"]!.AsArray().Select(e => e!["score"]!.GetValue<long>()));
    }

    [Theory]
    [InlineData("leaderboards/points?period=2026-13", HttpStatusCode.BadRequest, "period")]
    [InlineData("leaderboards/points?period=last-week", HttpStatusCode.BadRequest, "period")]
    [InlineData("leaderboards/points?top=0", HttpStatusCode.BadRequest, "top")]
    [InlineData("leaderboards/points/members/x?around=-1", HttpStatusCode.BadRequest, "around")]
    [InlineData("leaderboards/karma", HttpStatusCode.NotFound, null)]
    [InlineData("leaderboards/points/members/nobody", HttpStatusCode.NotFound, null)]
    public async Task Leaderboard_queries_are_validated(string path, HttpStatusCode status, string? field)
    {
        var program = await Programs.Create(client);
        await Problem.Assert(await client.GetAsync($"/v1/programs/{program}/{path}", TestContext.Current.CancellationToken), status, field);
    }
}

using System.Net;

namespace Loyalty.Gateway.Tests;

/// <summary>Server-Sent Events: a board's top N and a member's view, pushed on every change.</summary>
public sealed class LiveFeedTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    [Fact]
    public async Task A_board_feed_sends_the_top_at_once_and_again_when_it_changes()
    {
        var program = await Programs.Create(client);
        await using var feed = await SseClient.Connect(client, $"/v1/programs/{program}/leaderboards/points/live?top=3");

        var first = await feed.Next();
        Assert.Equal("leaderboard", first.Name);
        Assert.Empty(first.Data["entries"]!.AsArray());

        await client.PostEvents(program, Api.Purchase("l1", "amy", 12_300));
        var changed = await feed.Next(e => e.Data["entries"]!.AsArray().Count == 1);
        Assert.Equal("amy", changed.Data["entries"]![0]!["memberId"]!.GetValue<string>());
        Assert.Equal(123, changed.Data["entries"]![0]!["score"]!.GetValue<long>());
        Assert.Equal(1, changed.Data["entries"]![0]!["rank"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_member_feed_says_missing_then_sends_points_and_rank_on_every_change()
    {
        var program = await Programs.Create(client);
        await client.PostEvents(program, Api.Purchase("m0", "top", 90_000));
        await using var feed = await SseClient.Connect(client, $"/v1/programs/{program}/members/bob/live?around=1");

        Assert.Equal("missing", (await feed.Next()).Name);

        await client.PostEvents(program, Api.Purchase("m1", "bob", 5_000));
        var view = await feed.Next(e => e.Name == "member" && e.Data["standing"] is not null);
        Assert.Equal(50, view.Data["member"]!["points"]!["available"]!.GetValue<long>());
        Assert.Equal(2, view.Data["standing"]!["rank"]!.GetValue<int>());

        await client.PostEvents(program, Api.Purchase("m2", "bob", 100_000));
        var overtaken = await feed.Next(e => e.Name == "member" && e.Data["standing"]?["rank"]?.GetValue<int>() == 1);
        Assert.Equal(1_050, overtaken.Data["member"]!["points"]!["available"]!.GetValue<long>());
        Assert.Equal(["bob", "top"], overtaken.Data["standing"]!["around"]!.AsArray().Select(e => e!["memberId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_member_feed_carries_notifications_with_ids_that_stay_the_same_in_later_messages()
    {
        var program = await Programs.Create(client);
        await using var feed = await SseClient.Connect(client, $"/v1/programs/{program}/members/eve/live");
        await client.PostEvents(program, Api.Purchase("n1", "eve", 120_000, TestClock.UtcNow.ToString("O"))); // news of a recent event

        var tierUp = await feed.Next(e => e.Name == "member" && e.Data["member"]!["notifications"]!.AsArray().Count == 1);
        var notification = tierUp.Data["member"]!["notifications"]![0]!;
        var first = notification["id"]!.GetValue<string>();
        Assert.Equal(("tierUp", "silver"), (notification["kind"]!.GetValue<string>(), notification["tier"]!.GetValue<string>()));
        Assert.StartsWith($"{program}/eve/", first, StringComparison.Ordinal);
        var number = long.Parse(first[(first.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

        await client.PostEvents(program, Api.Purchase("n2", "eve", 400_000, TestClock.UtcNow.ToString("O")));
        var gold = await feed.Next(e => e.Name == "member" && e.Data["member"]!["notifications"]!.AsArray().Count == 2);
        Assert.Equal([first, $"{program}/eve/{number + 1}"], gold.Data["member"]!["notifications"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
        Assert.Equal("gold", gold.Data["member"]!["notifications"]![1]!["tier"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_burst_of_changes_is_coalesced_to_at_most_ten_messages_a_second()
    {
        var program = await Programs.Create(client);
        await using var feed = await SseClient.Connect(client, $"/v1/programs/{program}/leaderboards/spend/live?top=1");
        await feed.Next();

        // 40 changes of the top score as fast as the API takes them.
        var started = DateTime.UtcNow;
        for (var i = 1; i <= 40; i++)
        {
            await client.PostEvents(program, Api.Purchase($"b{i}", "cara", 100));
        }

        var received = new List<SseEvent>();
        var last = await feed.Next(e =>
        {
            received.Add(e);
            return e.Data["entries"]!.AsArray() is [{ } top] && top["score"]!.GetValue<long>() == 4_000;
        });
        Assert.NotNull(last);
        // Counted over the whole burst rather than gap by gap: a busy test process may read two messages sent 100 ms
        // apart in one go, but it can never read more than the feed sent.
        var span = last.ReceivedAt - started;
        var allowed = 1 + (int)Math.Ceiling(span.TotalMilliseconds / 100);
        Assert.True(received.Count <= allowed, $"{received.Count} messages in {span.TotalMilliseconds:0} ms; at most {allowed} allowed");
    }

    [Theory]
    [InlineData("leaderboards/points/live?period=2026-13", HttpStatusCode.BadRequest, "period")]
    [InlineData("leaderboards/points/live?top=101", HttpStatusCode.BadRequest, "top")]
    [InlineData("leaderboards/karma/live", HttpStatusCode.NotFound, null)]
    [InlineData("members/bob/live?around=-1", HttpStatusCode.BadRequest, "around")]
    [InlineData("members/bob/live?board=karma", HttpStatusCode.NotFound, null)]
    [InlineData("members/b%20b/live", HttpStatusCode.BadRequest, "memberId")]
    public async Task Live_feeds_validate_before_streaming(string path, HttpStatusCode status, string? field)
    {
        var program = await Programs.Create(client);
        await Problem.Assert(await client.GetAsync($"/v1/programs/{program}/{path}", TestContext.Current.CancellationToken), status, field);
    }

    [Fact]
    public async Task A_feed_of_a_program_never_configured_is_not_found()
    {
        await Problem.Assert(await client.GetAsync("/v1/programs/nowhere/leaderboards/points/live", TestContext.Current.CancellationToken),
            HttpStatusCode.NotFound, null);
    }
}

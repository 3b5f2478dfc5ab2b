namespace Loyalty.Live.Tests;

/// <summary>A thousand apps watching live at once over real loopback connections.</summary>
public sealed class ThousandClientsTests(LiveGateway gateway)
{
    private const int Clients = 1_000;

    [Fact]
    public async Task A_thousand_concurrent_SSE_clients_all_receive_the_change()
    {
        using var http = gateway.CreateClient();
        var program = await gateway.NewProgram(http);
        var paths = new[] { "points", "spend", "purchases" }
            .Select(board => $"v1/programs/{program}/leaderboards/{board}/live?top=5")
            .Append($"v1/programs/{program}/members/zoe/live")
            .ToArray();

        var feeds = new List<SseClient>(Clients);
        try
        {
            foreach (var batch in Enumerable.Range(0, Clients).Chunk(100))
            {
                feeds.AddRange(await Task.WhenAll(batch.Select(i => SseClient.Connect(http, paths[i % paths.Length]))));
            }

            await Task.WhenAll(feeds.Select(feed => feed.Next(deadline: TimeSpan.FromSeconds(30))));

            await Events.Purchase(http, program, "thousand-1", "zoe", 4_200);

            // Every connection gets the change: boards list zoe, the member feed shows her points.
            await Task.WhenAll(feeds.Select(feed => feed.Next(ShowsZoe, TimeSpan.FromSeconds(30))));
        }
        finally
        {
            await Task.WhenAll(feeds.Select(feed => feed.DisposeAsync().AsTask()));
        }
    }

    private static bool ShowsZoe(SseEvent e) => e.Name switch
    {
        "leaderboard" => e.Data["entries"]!.AsArray().Any(entry => entry!["memberId"]!.GetValue<string>() == "zoe"),
        "member" => e.Data["member"]!["points"]!["lifetimeEarned"]!.GetValue<long>() == 42,
        _ => false,
    };
}

using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Loyalty.Live.Tests;

/// <summary>The live page shows a member's engagements and newest survey answers as they arrive.</summary>
public sealed class LivePageActivityTests(LiveGateway gateway)
{
    [Fact]
    public async Task Engagements_and_survey_answers_show_on_the_page_as_they_arrive()
    {
        using var http = gateway.CreateClient();
        var program = await gateway.NewProgram(http);
        await Post(http, program, new { type = "engagement", eventId = "e-0", memberId = "ivy", occurredAt = DateTimeOffset.UtcNow, kind = "app-open" });

        var token = await gateway.PageCredential(http, program, "ivy");
        await using var live = await LivePage.Open(new Uri(gateway.BaseAddress, $"?program={program}&member=ivy{token}"));
        var page = live.Page;
        await Assertions.Expect(page.GetByTestId("engagements")).ToHaveTextAsync("1", new() { Timeout = 10_000 });
        await Assertions.Expect(page.GetByTestId("surveys")).ToHaveTextAsync("none answered");

        await Post(http, program,
            new { type = "engagement", eventId = "e-1", memberId = "ivy", occurredAt = DateTimeOffset.UtcNow, kind = "review" },
            new { type = "survey", eventId = "s-1", memberId = "ivy", occurredAt = DateTimeOffset.UtcNow, survey = "nps", score = 9 });
        var within = new LocatorAssertionsToHaveTextOptions { Timeout = 2_000 };
        await Assertions.Expect(page.GetByTestId("engagements")).ToHaveTextAsync("2", within);
        await Assertions.Expect(page.GetByTestId("surveys")).ToContainTextAsync("NPS 9", new() { Timeout = 2_000 });
    }

    private static async Task Post(HttpClient client, string programId, params object[] events)
    {
        using var response = await client.PostAsJsonAsync($"v1/programs/{programId}/events", events, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(TestContext.Current.CancellationToken);
        Assert.Equal(events.Length, answer!["accepted"]!.GetValue<int>());
    }
}

using System.Net.Http.Json;

namespace Loyalty.Live.Tests;

internal static class Events
{
    /// <summary>Posts one purchase made now and checks it was accepted.</summary>
    public static async Task Purchase(HttpClient client, string programId, string eventId, string memberId, long amountMinor)
    {
        var purchase = new[]
        {
            new { type = "purchase", eventId, memberId, occurredAt = DateTimeOffset.UtcNow, amountMinor, currency = "GBP" },
        };
        await Post(client, programId, purchase);
    }

    /// <summary>Posts one NPS answer given now and checks it was accepted.</summary>
    public static async Task Survey(HttpClient client, string programId, string eventId, string memberId, int score)
    {
        var answer = new[] { new { type = "survey", eventId, memberId, occurredAt = DateTimeOffset.UtcNow, survey = "nps", score } };
        await Post(client, programId, answer);
    }

    private static async Task Post<T>(HttpClient client, string programId, T[] events)
    {
        using var response = await client.PostAsJsonAsync($"v1/programs/{programId}/events", events, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(TestContext.Current.CancellationToken);
        Assert.Equal(1, answer!["accepted"]!.GetValue<int>());
    }
}


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
        using var response = await client.PostAsJsonAsync($"v1/programs/{programId}/events", purchase, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(TestContext.Current.CancellationToken);
        Assert.Equal(1, answer!["accepted"]!.GetValue<int>());
    }
}

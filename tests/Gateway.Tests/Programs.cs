using System.Net.Http.Json;

namespace Loyalty.Gateway.Tests;

public static class Programs
{
    public const string Configuration = """
        {
          "name": "Test store",
          "timeZone": "UTC",
          "currency": "GBP",
          "pointsPerUnit": 1,
          "returnWindowDays": 30,
          "leaderboardRetention": { "days": 36600, "weeks": 5200, "months": 1200 },
          "tiers": [
            { "name": "member", "qualifyingSpendMinor": 0 },
            { "name": "silver", "qualifyingSpendMinor": 100000 },
            { "name": "gold", "qualifyingSpendMinor": 500000 }
          ]
        }
        """;

    /// <summary>A fresh program of its own, so a test's leaderboards hold only its own members.</summary>
    public static async Task<string> Create(HttpClient client, string json = Configuration)
    {
        var programId = Api.Unique("p");
        var response = await client.PutAsync($"/v1/programs/{programId}",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return programId;
    }
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Loyalty.Tests.Shared;

/// <summary>Reads the HTTP API the way an app would.</summary>
public static class LoyaltyHttp
{
    /// <summary>The resource, or null when it does not exist (404); any other failure throws with the status and body.</summary>
    public static async Task<JsonObject?> GetJson(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        return response.StatusCode == System.Net.HttpStatusCode.NotFound ? null : await ReadSuccess(response, path);
    }

    /// <summary>The resource; any non-2xx answer, 404 included, throws with the status and body.</summary>
    public static async Task<JsonObject> GetRequiredJson(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        return await ReadSuccess(response, path);
    }

    /// <summary>For polls that ride out outages: null for any non-2xx answer.</summary>
    public static async Task<JsonObject?> PollJson(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        return response.IsSuccessStatusCode ? await ReadSuccess(response, path) : null;
    }

    private static async Task<JsonObject> ReadSuccess(HttpResponseMessage response, string path)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {path} answered {(int)response.StatusCode} {response.StatusCode}: {body}", null, response.StatusCode);
        }

        return JsonNode.Parse(body) as JsonObject ?? throw new HttpRequestException($"GET {path} answered {(int)response.StatusCode} with a body that is not a JSON object: {body}");
    }

    public static long Long(this JsonNode? node, string path) =>
        path.Split('.').Aggregate(node, (current, key) => current?[key])!.GetValue<long>();

    /// <summary>A member's whole ledger, oldest page last, read page by page.</summary>
    public static async Task<List<LedgerRow>> ReadLedger(this HttpClient client, string program, string memberId)
    {
        var entries = new List<LedgerRow>();
        while (true)
        {
            var page = await client.GetRequiredJson($"/v1/programs/{program}/members/{memberId}/ledger?offset={entries.Count}&limit=500");
            var items = page!["entries"]!.AsArray();
            entries.AddRange(items.Select(e => new LedgerRow(
                e!["sequence"]!.GetValue<long>(), e["kind"]!.GetValue<string>(), e["balance"]!.GetValue<string>(), e["points"]!.GetValue<long>())));
            if (items.Count == 0 || entries.Count >= page.Long("total"))
            {
                return entries;
            }
        }
    }

    /// <summary>A board's entries (up to 1,000) as member → score.</summary>
    public static async Task<Dictionary<string, long>> ReadBoard(this HttpClient client, string program, string board, string period = "all")
    {
        var json = await client.PollJson($"/v1/programs/{program}/leaderboards/{board}?period={period}&top=1000");
        return json?["entries"]?.AsArray().ToDictionary(e => e!["memberId"]!.GetValue<string>(), e => e!["score"]!.GetValue<long>()) ?? [];
    }
}

public sealed record LedgerRow(long Sequence, string Kind, string Balance, long Points);

using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Loyalty.Gateway.Tests;

/// <summary>Small helpers to speak the HTTP contract the way a producer or an app would.</summary>
public static class Api
{
    public static JsonObject Purchase(string eventId, string memberId, long amountMinor, string occurredAt = "2026-03-10T12:00:00Z") => new()
    {
        ["type"] = "purchase",
        ["eventId"] = eventId,
        ["memberId"] = memberId,
        ["occurredAt"] = occurredAt,
        ["amountMinor"] = amountMinor,
        ["currency"] = "GBP",
    };

    public static JsonObject Return(string eventId, string memberId, long amountMinor, string? originalEventId = null, string occurredAt = "2026-03-12T12:00:00Z")
    {
        var item = new JsonObject
        {
            ["type"] = "return",
            ["eventId"] = eventId,
            ["memberId"] = memberId,
            ["occurredAt"] = occurredAt,
            ["amountMinor"] = amountMinor,
            ["currency"] = "GBP",
        };
        if (originalEventId is not null)
        {
            item["originalEventId"] = originalEventId;
        }

        return item;
    }

    public static JsonObject Engagement(string eventId, string memberId, string kind, string occurredAt = "2026-03-10T12:00:00Z") => new()
    {
        ["type"] = "engagement",
        ["eventId"] = eventId,
        ["memberId"] = memberId,
        ["occurredAt"] = occurredAt,
        ["kind"] = kind,
    };

    public static JsonObject Survey(string eventId, string memberId, string survey, int score, string occurredAt = "2026-03-10T12:00:00Z") => new()
    {
        ["type"] = "survey",
        ["eventId"] = eventId,
        ["memberId"] = memberId,
        ["occurredAt"] = occurredAt,
        ["survey"] = survey,
        ["score"] = score,
    };

    public static async Task<JsonObject> PostEvents(this HttpClient client, string programId, params JsonNode[] events)
    {
        var response = await client.PostAsJsonAsync($"/v1/programs/{programId}/events", new JsonArray(events), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Any method, with an optional body and Accept header, for requests the typed helpers do not make.</summary>
    public static async Task<HttpResponseMessage> Send(this HttpClient client, string method, string path, HttpContent? content = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>A JSON body written by hand, for input a serializer would not write.</summary>
    public static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}

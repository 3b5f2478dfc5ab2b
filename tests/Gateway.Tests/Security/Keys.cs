using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Loyalty.Gateway.Tests.Security;

/// <summary>Makes keys and clients that carry them, through the API as an operator would.</summary>
public static class Keys
{
    public static async Task<JsonObject> Create(HttpClient operatorClient, string programId, string role, string name = "test key", DateTimeOffset? expiresAt = null)
    {
        var response = await operatorClient.PostAsJsonAsync($"/v1/programs/{programId}/keys", new { name, role, expiresAt }, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!;
    }

    /// <summary>A client of a test gateway carrying <paramref name="credential"/>, or nothing when null.</summary>
    public static HttpClient ClientWith(WebApplicationFactory<Program> gateway, string? credential)
    {
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = credential is null ? null : new AuthenticationHeaderValue("Bearer", credential);
        return client;
    }

    public static async Task<HttpClient> ClientOf(WebApplicationFactory<Program> gateway, HttpClient operatorClient, string programId, string role) =>
        ClientWith(gateway, (await Create(operatorClient, programId, role))["key"]!.GetValue<string>());
}

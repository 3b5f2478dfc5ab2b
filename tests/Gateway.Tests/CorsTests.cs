using System.Net;
using Loyalty.Gateway.Tests.Security;

namespace Loyalty.Gateway.Tests;

/// <summary>Browser apps call a program's routes from the origins its configuration names, and from no other.</summary>
public sealed class CorsTests(GatewayFixture gateway)
{
    private const string Shop = "https://shop.example";

    private readonly HttpClient operatorClient = gateway.CreateClient();

    private static readonly string WithShop = Programs.Configuration.Replace(
        "\"returnWindowDays\": 30,", $$"""
        "returnWindowDays": 30, "cors": { "allowedOrigins": ["{{Shop}}", "http://localhost:3000"] },
        """, StringComparison.Ordinal);

    [Fact]
    public async Task A_preflight_without_credentials_is_answered_for_the_programs_origin()
    {
        var program = await Programs.Create(operatorClient, WithShop);

        using var response = await Preflight(Keys.ClientWith(gateway, null), $"/v1/programs/{program}/members/ann", Shop, "PUT");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Shop, Single(response, "Access-Control-Allow-Origin"));
        Assert.Contains("PUT", Single(response, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
        var headers = Single(response, "Access-Control-Allow-Headers")!.Split(',', StringSplitOptions.TrimEntries);
        Assert.Contains("authorization", headers, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("content-type", headers, StringComparer.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Another_origin_another_program_or_a_path_outside_programs_gets_no_permission()
    {
        var program = await Programs.Create(operatorClient, WithShop);
        var plain = await Programs.Create(operatorClient);
        var anonymous = Keys.ClientWith(gateway, null);

        using var otherOrigin = await Preflight(anonymous, $"/v1/programs/{program}/members/ann", "https://evil.example", "GET");
        using var otherProgram = await Preflight(anonymous, $"/v1/programs/{plain}/members/ann", Shop, "GET");
        using var unknownProgram = await Preflight(anonymous, "/v1/programs/never-configured/members/ann", Shop, "GET");
        using var outside = await Preflight(anonymous, "/health/ready", Shop, "GET");

        Assert.All([otherOrigin, otherProgram, unknownProgram, outside], response => Assert.Null(Single(response, "Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task Actual_answers_name_the_allowed_origin_also_when_they_refuse_the_caller()
    {
        var program = await Programs.Create(operatorClient, WithShop);

        using var allowed = await Get(operatorClient, $"/v1/programs/{program}", "http://localhost:3000");
        using var unauthenticated = await Get(Keys.ClientWith(gateway, null), $"/v1/programs/{program}", Shop);
        using var otherOrigin = await Get(operatorClient, $"/v1/programs/{program}", "https://evil.example");

        Assert.Equal((HttpStatusCode.OK, "http://localhost:3000"), (allowed.StatusCode, Single(allowed, "Access-Control-Allow-Origin")));
        Assert.Contains("ETag", Single(allowed, "Access-Control-Expose-Headers")!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((HttpStatusCode.Unauthorized, Shop), (unauthenticated.StatusCode, Single(unauthenticated, "Access-Control-Allow-Origin")));
        Assert.Equal((HttpStatusCode.OK, null), (otherOrigin.StatusCode, Single(otherOrigin, "Access-Control-Allow-Origin")));
    }

    [Theory]
    [InlineData("""{ "allowedOrigins": ["https://shop.example/app"] }""", "cors.allowedOrigins[0]")]
    [InlineData("""{ "allowedOrigins": ["*"] }""", "cors.allowedOrigins[0]")]
    [InlineData("""{ "allowedOrigins": null }""", "cors.allowedOrigins")]
    public async Task Bad_origins_are_refused_naming_the_field(string cors, string field)
    {
        var json = Programs.Configuration.Replace("\"returnWindowDays\": 30,", $"\"returnWindowDays\": 30, \"cors\": {cors},", StringComparison.Ordinal);
        var response = await operatorClient.PutAsync($"/v1/programs/{Api.Unique("p")}", Api.Json(json), TestContext.Current.CancellationToken);
        await Problem.Assert(response, HttpStatusCode.BadRequest, field);
    }

    private static async Task<HttpResponseMessage> Preflight(HttpClient client, string path, string origin, string method)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<HttpResponseMessage> Get(HttpClient client, string path, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", origin);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static string? Single(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) ? string.Join(",", values) : null;
}

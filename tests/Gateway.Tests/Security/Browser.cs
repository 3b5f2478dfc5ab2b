using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Loyalty.Gateway.Tests.Security;

/// <summary>A browser as the gateway sees one: no Authorization header, a session cookie sent back as it was set.</summary>
public sealed class Browser(WebApplicationFactory<Program> gateway)
{
    public const string Origin = "http://localhost"; // the test server's own

    /// <summary>The cookie as the sign-in set it: "loyalty-session=…", its attributes after.</summary>
    public string? SetCookie { get; private set; }

    public string? Cookie => SetCookie?.Split(';')[0];

    public async Task<HttpResponseMessage> SignIn(string key, string? origin = Origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/session") { Content = JsonContent.Create(new { key }) };
        var response = await Send(request, origin);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            SetCookie = cookies.Single();
        }

        return response;
    }

    public Task<HttpResponseMessage> Get(string path) => Send(new HttpRequestMessage(HttpMethod.Get, path), origin: null);

    /// <summary>Any request with the session cookie and, when given, an Origin header.</summary>
    public async Task<HttpResponseMessage> Send(HttpRequestMessage request, string? origin = Origin, IDictionary<string, string>? headers = null)
    {
        using var client = gateway.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = null;
        if (Cookie is { } cookie)
        {
            request.Headers.Add("Cookie", cookie);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        using (request)
        {
            return await client.SendAsync(request, TestContext.Current.CancellationToken);
        }
    }
}

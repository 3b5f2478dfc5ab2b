using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Loyalty.Gateway.Tests.Security;

/// <summary>
/// A browser signs in with the operator key or an admin key and is then that key, by an HttpOnly, SameSite=Strict
/// cookie checked again on every request; changes made by cookie must come from this site; sign-out ends it.
/// </summary>
public sealed class SessionTests(GatewayFixture gateway)
{
    private readonly HttpClient operatorClient = gateway.CreateClient();

    private static HttpRequestMessage Put(string path, string json) =>
        new(HttpMethod.Put, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private async Task<string?> Version(string path) =>
        (await operatorClient.GetAsync(path, TestContext.Current.CancellationToken)).Headers.ETag?.Tag;

    [Fact]
    public async Task An_admin_key_signs_in_as_itself_until_it_is_revoked()
    {
        var program = await Programs.Create(operatorClient);
        var other = await Programs.Create(operatorClient);
        var created = await Keys.Create(operatorClient, program, "admin");
        var browser = new Browser(gateway);

        var signedIn = await browser.SignIn(created["key"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var answer = await signedIn.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(TestContext.Current.CancellationToken);
        Assert.Equal(("admin", program), (answer!["role"]!.GetValue<string>(), answer["programId"]!.GetValue<string>()));
        var attributes = browser.SetCookie!.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain("secure", attributes); // plain http here; over https the cookie is Secure
        Assert.DoesNotContain(attributes, a => a.StartsWith("expires", StringComparison.Ordinal)); // gone when the browser closes

        var whoAmI = await (await browser.Get("/v1/session")).Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(TestContext.Current.CancellationToken);
        Assert.Equal(("admin", program, answer["expiresAt"]!.GetValue<DateTimeOffset>()),
            (whoAmI!["role"]!.GetValue<string>(), whoAmI["programId"]!.GetValue<string>(), whoAmI["expiresAt"]!.GetValue<DateTimeOffset>()));
        Assert.Equal(HttpStatusCode.OK, (await browser.Get($"/v1/programs/{program}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.Get($"/v1/programs/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.Get("/dashboard/")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.DeleteAsync(
            $"/v1/programs/{program}/keys/{created["id"]!.GetValue<string>()}", TestContext.Current.CancellationToken)).StatusCode);

        await Problem.Assert(await browser.Get($"/v1/programs/{program}"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Only_the_operator_key_and_admin_keys_sign_in()
    {
        var program = await Programs.Create(operatorClient);
        var app = (await Keys.Create(operatorClient, program, "app"))["key"]!.GetValue<string>();
        var browser = new Browser(gateway);

        await Problem.Assert(await browser.SignIn(app), HttpStatusCode.Forbidden);
        await Problem.Assert(await browser.SignIn(app[..^2] + "xx"), HttpStatusCode.Unauthorized);
        await Problem.Assert(await browser.SignIn("not a key at all"), HttpStatusCode.Unauthorized);
        await Problem.Assert(await browser.SignIn(""), HttpStatusCode.BadRequest, "key");
        Assert.Null(browser.SetCookie);
    }

    [Fact]
    public async Task A_change_made_by_cookie_must_come_from_this_site_and_so_must_a_sign_in()
    {
        var program = await Programs.Create(operatorClient);
        var browser = new Browser(gateway);
        await browser.SignIn((await Keys.Create(operatorClient, program, "admin"))["key"]!.GetValue<string>());
        var path = $"/v1/programs/{program}";

        var crossSite = await Problem.Assert(await browser.Send(Put(path, Programs.Configuration), "https://shop.example"), HttpStatusCode.Forbidden);
        Assert.Equal("Cross-site request refused", crossSite["title"]!.GetValue<string>());
        await Problem.Assert(await browser.Send(Put(path, Programs.Configuration), origin: null), HttpStatusCode.Forbidden);
        await Problem.Assert(await browser.Send(Put(path, Programs.Configuration), "null"), HttpStatusCode.Forbidden);
        await Problem.Assert(await browser.Send(Put(path, Programs.Configuration), "http://localhost.attacker.example"), HttpStatusCode.Forbidden);
        Assert.Equal("\"1\"", await Version(path)); // none of them changed anything

        Assert.Equal(HttpStatusCode.OK, (await browser.Send(Put(path, Programs.Configuration), Browser.Origin)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Send(Put(path, Programs.Configuration), origin: null,
            new Dictionary<string, string> { ["Sec-Fetch-Site"] = "same-origin" })).StatusCode);
        Assert.Equal("\"3\"", await Version(path));

        // Another site cannot sign a browser in with a key of its choosing; a bearer request needs no Origin.
        await Problem.Assert(await new Browser(gateway).SignIn(GatewayFixture.OperatorKey, "https://shop.example"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.PutAsync(path, Api.Json(Programs.Configuration), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_not_only_in_the_browser()
    {
        var browser = new Browser(gateway);
        Assert.Equal(HttpStatusCode.OK, (await browser.SignIn(GatewayFixture.OperatorKey)).StatusCode);
        var kept = browser.Cookie;
        Assert.Equal(HttpStatusCode.OK, (await browser.Get("/dashboard/")).StatusCode);

        await Problem.Assert(await browser.Send(new HttpRequestMessage(HttpMethod.Delete, "/v1/session"), "https://shop.example"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await browser.Get("/dashboard/")).StatusCode); // a cross-site sign-out did nothing

        var signedOut = await browser.Send(new HttpRequestMessage(HttpMethod.Delete, "/v1/session"));

        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        Assert.Contains(signedOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith("loyalty-session=;", StringComparison.Ordinal));
        Assert.Equal(kept, browser.Cookie); // the browser still sends the old cookie: the server must refuse it
        await Problem.Assert(await browser.Get("/dashboard/"), HttpStatusCode.Unauthorized);
        await Problem.Assert(await browser.Get("/v1/programs/demo"), HttpStatusCode.Unauthorized);
        await Problem.Assert(await browser.Get("/v1/session"), HttpStatusCode.Unauthorized);
    }
}

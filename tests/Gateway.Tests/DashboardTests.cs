using System.Net;
using Loyalty.Gateway.Tests.Security;

namespace Loyalty.Gateway.Tests;

/// <summary>The Orleans dashboard is served at /dashboard to operators only: by bearer key, or to a browser signed in with it.</summary>
public sealed class DashboardTests(GatewayFixture gateway)
{
    private readonly HttpClient operatorClient = gateway.CreateClient();

    [Fact]
    public async Task The_operator_key_opens_the_page_and_its_api_shows_the_silo_and_its_grains()
    {
        var entry = await operatorClient.GetAsync("/dashboard", TestContext.Current.CancellationToken);
        var page = await operatorClient.GetAsync("/dashboard/", TestContext.Current.CancellationToken);
        await Programs.Create(operatorClient); // a program grain is active, whatever ran before
        var counters = await Polling.Eventually(() => operatorClient.PollJson("/dashboard/DashboardCounters"),
            c => c?["simpleGrainStats"]?.AsArray().Any(g => g!["grainType"]!.GetValue<string>().Contains("ProgramGrain", StringComparison.Ordinal)) == true);

        Assert.Equal(HttpStatusCode.OK, entry.StatusCode);
        Assert.Contains("url=/dashboard/", await entry.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "text/html"), (page.StatusCode, page.Content.Headers.ContentType?.MediaType));
        Assert.Equal(1, counters!["totalActiveHostCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task No_credential_is_401_and_program_keys_are_403()
    {
        var program = await Programs.Create(operatorClient);
        var admin = await Keys.ClientOf(gateway, operatorClient, program, "admin");
        var app = await Keys.ClientOf(gateway, operatorClient, program, "app");

        foreach (var path in new[] { "/dashboard", "/dashboard/", "/dashboard/index.min.js", "/dashboard/DashboardCounters", "/dashboard/GrainTypes" })
        {
            await Problem.Assert(await Keys.ClientWith(gateway, null).GetAsync(path, TestContext.Current.CancellationToken), HttpStatusCode.Unauthorized);
            await Problem.Assert(await admin.GetAsync(path, TestContext.Current.CancellationToken), HttpStatusCode.Forbidden);
            await Problem.Assert(await app.GetAsync(path, TestContext.Current.CancellationToken), HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task A_browser_signed_in_with_the_operator_key_opens_the_page_and_its_api()
    {
        var browser = new Browser(gateway);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Get("/dashboard/")).StatusCode);

        await browser.SignIn(GatewayFixture.OperatorKey);

        Assert.Equal(HttpStatusCode.OK, (await browser.Get("/dashboard/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Get("/dashboard/index.min.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Get("/dashboard/DashboardCounters")).StatusCode);
    }
}

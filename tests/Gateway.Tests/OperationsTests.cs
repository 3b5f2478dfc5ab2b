using System.Net;

namespace Loyalty.Gateway.Tests;

public sealed class OperationsTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    [Fact]
    public async Task Health_endpoints_answer_healthy()
    {
        var live = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", (await client.GetRequiredJson("/health/ready"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_event_route()
    {
        var document = await client.GetJson("/openapi/v1.json");
        Assert.NotNull(document!["paths"]!["/v1/programs/{programId}/events"]);
        Assert.NotNull(document["paths"]!["/v1/programs/{programId}/leaderboards/{board}/members/{memberId}"]);
    }

    [Theory]
    [InlineData("/v1/programs/demo/rewards?limit=ten", "limit")]
    [InlineData("/v1/programs/demo/rewards?offset=1.5", "offset")]
    [InlineData("/v1/programs/demo/members/ann/ledger?limit=all", "limit")]
    [InlineData("/v1/programs/demo/leaderboards/points?top=x", "top")]
    [InlineData("/v1/programs/demo/leaderboards/points/members/ann?around=", "around")]
    public async Task A_query_value_of_the_wrong_type_is_refused_naming_it(string path, string field)
    {
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        await Problem.Assert(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Metrics_expose_our_counters_and_orleans_meter()
    {
        var program = await Programs.Create(client);
        await client.PostEvents(program, Api.Purchase("m1", "mia", 100));

        var text = await Polling.Eventually(
            () => client.GetStringAsync("/metrics", TestContext.Current.CancellationToken),
            t => t.Contains("loyalty_events_accepted") && t.Contains("orleans_"), TimeSpan.FromSeconds(15));
        Assert.Contains("loyalty_events_accepted", text);
        Assert.Contains("orleans_", text);
    }
}

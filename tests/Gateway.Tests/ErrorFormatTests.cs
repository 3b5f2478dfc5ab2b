using System.Net;

namespace Loyalty.Gateway.Tests;

/// <summary>Errors made by the framework, and errors to clients that accept only other media types, are problem+json too.</summary>
public sealed class ErrorFormatTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    [Theory]
    [InlineData("leaderboards/points/live?top=101", "top")]
    [InlineData("leaderboards/points/live?top=ten", "top")]
    [InlineData("members/bob/live?around=x", "around")]
    [InlineData("members/bob/live?period=2026-13", "period")]
    public async Task A_live_route_answers_an_event_stream_client_in_problem_json(string path, string field)
    {
        var program = await Programs.Create(client);
        var response = await client.Send("GET", $"/v1/programs/{program}/{path}", accept: "text/event-stream");

        await Problem.Assert(response, HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("members/ann/ledger?limit=1e9", "limit")]
    [InlineData("members/ann/ledger?offset=99999999999", "offset")]
    [InlineData("leaderboards/points?top=ten", "top")]
    [InlineData("leaderboards/points/members/ann?around=1.5", "around")]
    [InlineData("challenges/march/completions?limit=x", "limit")]
    public async Task A_query_value_that_does_not_bind_is_a_problem_naming_the_parameter(string path, string field)
    {
        var program = await Programs.Create(client);
        var problem = await Problem.Assert(await client.GetAsync($"/v1/programs/{program}/{path}", TestContext.Current.CancellationToken),
            HttpStatusCode.BadRequest, field);
        Assert.StartsWith("must be a whole number", problem["errors"]![field]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_route_is_problem_json_whatever_the_client_accepts()
    {
        await Problem.Assert(await client.Send("GET", "/v1/nothing-here", accept: "text/html"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Head_answers_wherever_get_does_with_the_same_status_and_headers()
    {
        var program = await Programs.Create(client);
        var get = await client.GetAsync($"/v1/programs/{program}", TestContext.Current.CancellationToken);

        var head = await Head($"/v1/programs/{program}");

        Assert.Equal((HttpStatusCode.OK, get.Headers.ETag), (head.StatusCode, head.Headers.ETag));
        Assert.Equal(HttpStatusCode.NotFound, (await Head($"/v1/programs/{program}/members/nobody")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Head($"/v1/programs/{program}/leaderboards/points")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Head("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Head("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Head_on_a_live_feed_answers_its_headers_without_streaming()
    {
        var program = await Programs.Create(client);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(TimeSpan.FromSeconds(10)); // a stream would never end

        using var request = new HttpRequestMessage(HttpMethod.Head, $"/v1/programs/{program}/leaderboards/points/live");
        var head = await client.SendAsync(request, cancel.Token);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("text/event-stream", head.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("POST", "/health/ready")]
    [InlineData("DELETE", "/health/live")]
    public async Task Health_answers_only_get_and_head(string method, string path)
    {
        await Problem.Assert(await client.Send(method, path), HttpStatusCode.MethodNotAllowed);
    }

    private Task<HttpResponseMessage> Head(string path) => client.Send("HEAD", path);
}

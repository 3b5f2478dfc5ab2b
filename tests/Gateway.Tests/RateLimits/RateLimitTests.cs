using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Loyalty.Gateway.Tests.Security;

namespace Loyalty.Gateway.Tests.RateLimits;

/// <summary>
/// Each key and each member has its own bucket: one over its rate gets 429 problem+json with Retry-After while its
/// neighbours go on, the events route charges a batch its events, and a caller that waits the Retry-After passes.
/// </summary>
public sealed class RateLimitTests(RateLimitedGateway limited) : IClassFixture<RateLimitedGateway>
{
    // Requests sent quickly to drain a bucket of 3 refilling at 1/s; far more than it can pass in the time they take.
    private const int Flood = 30;

    private readonly HttpClient operatorClient = limited.Gateway.CreateClient();

    [Fact]
    public async Task A_key_over_its_rate_gets_429_with_Retry_After_while_another_key_of_its_program_goes_on()
    {
        var program = await Programs.Create(operatorClient);
        var busy = await Keys.ClientOf(limited.Gateway, operatorClient, program, "app");
        var quiet = await Keys.ClientOf(limited.Gateway, operatorClient, program, "app");

        var (passed, refusal) = await UntilRefused(busy, $"/v1/programs/{program}/rewards");

        Assert.True(passed >= RateLimitedGateway.Burst, $"only {passed} requests passed before the first 429, less than the burst");
        var problem = await Problem.Assert(refusal, HttpStatusCode.TooManyRequests);
        Assert.Equal("Rate limit exceeded", problem["title"]!.GetValue<string>());
        Assert.InRange(refusal.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await quiet.GetAsync($"/v1/programs/{program}/rewards", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task After_waiting_the_Retry_After_the_key_passes_again()
    {
        var program = await Programs.Create(operatorClient);
        var app = await Keys.ClientOf(limited.Gateway, operatorClient, program, "app");
        var (_, refusal) = await UntilRefused(app, $"/v1/programs/{program}/rewards");
        var retryAfter = refusal.Headers.RetryAfter!.Delta!.Value;

        var after = await Polling.Eventually(
            () => app.GetAsync($"/v1/programs/{program}/rewards", TestContext.Current.CancellationToken),
            response => response.StatusCode != HttpStatusCode.TooManyRequests,
            retryAfter + TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_member_is_limited_at_its_own_rate_across_its_tokens_and_other_members_go_on()
    {
        var program = await Programs.Create(operatorClient);
        var member = Keys.ClientWith(limited.Gateway, await MemberToken(program, "m1"));

        var (passed, refusal) = await UntilRefused(member, $"/v1/programs/{program}/members/m1");

        Assert.True(passed >= RateLimitedGateway.Burst, $"only {passed} requests passed before the first 429, less than the burst");
        await Problem.Assert(refusal, HttpStatusCode.TooManyRequests);
        var sameMemberAgain = Keys.ClientWith(limited.Gateway, await MemberToken(program, "m1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await sameMemberAgain.GetAsync($"/v1/programs/{program}/members/m1", TestContext.Current.CancellationToken)).StatusCode);
        var otherMember = Keys.ClientWith(limited.Gateway, await MemberToken(program, "m2"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await otherMember.GetAsync($"/v1/programs/{program}/members/m2", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_producer_is_charged_the_events_of_its_batches_not_its_requests()
    {
        var program = await Programs.Create(operatorClient);
        var producer = await Keys.ClientOf(limited.Gateway, operatorClient, program, "producer");

        Assert.Equal(HttpStatusCode.OK, (await PostBatch(producer, program, "a", 4_000)).StatusCode);
        var refused = await PostBatch(producer, program, "b", 1_500); // about 1,000 events left

        var problem = await Problem.Assert(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal("Rate limit exceeded", problem["title"]!.GetValue<string>());
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(400), TimeSpan.FromSeconds(500)); // the 500 missing events at 1/s
        Assert.Equal(HttpStatusCode.OK, (await PostBatch(producer, program, "c", 900)).StatusCode);

        // Nothing of the refused batch was stored: sent again by the operator, none of it is a duplicate.
        var resent = await (await PostBatch(operatorClient, program, "b", 1_500)).Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.Equal(1_500, resent.Long("accepted"));
        Assert.Equal(0, resent.Long("duplicates"));
    }

    [Fact]
    public async Task The_operator_is_never_limited_and_a_program_may_have_limits_of_its_own()
    {
        var ordinary = await Programs.Create(operatorClient);
        var generous = limited.GenerousProgram;
        var created = await operatorClient.PutAsync($"/v1/programs/{generous}", Api.Json(Programs.Configuration), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var app = await Keys.ClientOf(limited.Gateway, operatorClient, generous, "app");

        for (var i = 0; i < 2 * RateLimitedGateway.Burst; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync($"/v1/programs/{ordinary}/rewards", TestContext.Current.CancellationToken)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await app.GetAsync($"/v1/programs/{generous}/rewards", TestContext.Current.CancellationToken)).StatusCode);
        }
    }

    private static async Task<(int Passed, HttpResponseMessage Refusal)> UntilRefused(HttpClient client, string path)
    {
        for (var passed = 0; passed < Flood; passed++)
        {
            var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return (passed, response);
            }
        }

        throw new Xunit.Sdk.XunitException($"{Flood} requests passed without a 429.");
    }

    private async Task<string> MemberToken(string program, string memberId)
    {
        var response = await operatorClient.PostAsync($"/v1/programs/{program}/members/{memberId}/tokens", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["token"]!.GetValue<string>();
    }

    private static Task<HttpResponseMessage> PostBatch(HttpClient client, string program, string prefix, int events) =>
        client.PostAsJsonAsync($"/v1/programs/{program}/events",
            new JsonArray([.. Enumerable.Range(0, events).Select(i => (JsonNode)Api.Purchase($"{prefix}-{i}", $"{prefix}-{i % 50}", 100))]),
            TestContext.Current.CancellationToken);
}

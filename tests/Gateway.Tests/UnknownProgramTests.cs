using System.Net;

namespace Loyalty.Gateway.Tests;

/// <summary>Every route of a program never configured answers 404 problem+json, whatever the method.</summary>
public sealed class UnknownProgramTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    [Theory]
    [InlineData("GET", "members/ann")]
    [InlineData("GET", "members/ann/ledger")]
    [InlineData("GET", "leaderboards/points")]
    [InlineData("GET", "leaderboards/points/members/ann")]
    [InlineData("GET", "rewards/mug")]
    [InlineData("PUT", "rewards/mug")]
    [InlineData("POST", "members/ann/redemptions")]
    [InlineData("DELETE", "members/ann/redemptions/r1")]
    [InlineData("POST", "members/ann/referral-code")]
    [InlineData("POST", "members/ann/referrer")]
    [InlineData("POST", "events")]
    public async Task A_route_of_a_program_never_configured_is_not_found(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/v1/programs/{Api.Unique("none")}/{path}")
        {
            Content = method is "PUT" or "POST" ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json") : null,
        };
        if (path == "events")
        {
            request.Content = new StringContent("[]", System.Text.Encoding.UTF8, "application/json");
        }

        await Problem.Assert(await client.SendAsync(request, TestContext.Current.CancellationToken), HttpStatusCode.NotFound, null);
    }
}

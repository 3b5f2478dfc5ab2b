using System.Net;
using Loyalty.Grains.Interfaces.Notifications;
using Loyalty.Grains.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Loyalty.Gateway.Tests;

/// <summary>
/// Where private networks are not allowed, a webhook aimed inside is refused when it is configured, and a name that
/// resolves inside is refused when the connection is opened, after DNS.
/// </summary>
public sealed class PrivateNetworkWebhookTests(PublicOnlyGateway gateway) : IClassFixture<PublicOnlyGateway>
{
    private readonly HttpClient client = gateway.CreateClient();

    private static readonly Notification News = new("p/m/1", "p", "m", "badgeEarned", TestClock.UtcNow, Badge: "welcome");

    [Theory]
    [InlineData("http://127.0.0.1:9/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[fd12::1]/hook")]
    public async Task A_webhook_aimed_inside_is_refused_naming_the_field_and_never_stored(string url)
    {
        var programId = Api.Unique("p");
        var json = Programs.Configuration.Replace("\"returnWindowDays\": 30,", $$"""
            "returnWindowDays": 30, "webhooks": [ { "id": "crm", "url": "{{url}}", "secret": "{{WebhookReceiver.Secret}}" } ],
            """, StringComparison.Ordinal);

        var response = await client.PutAsync($"/v1/programs/{programId}", Api.Json(json), TestContext.Current.CancellationToken);

        await Problem.Assert(response, HttpStatusCode.BadRequest, "webhooks[0].url");
        var read = await client.GetAsync($"/v1/programs/{programId}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task A_delivery_to_a_name_that_resolves_inside_fails_without_reaching_the_receiver()
    {
        await using var receiver = await WebhookReceiver.Start(failurePercent: 0);
        var webhooks = gateway.Services.GetRequiredService<WebhookClient>();

        var delivered = await webhooks.Deliver(new Domain.WebhookEndpoint("crm", Rebound(receiver.Url), WebhookReceiver.Secret), News, TestContext.Current.CancellationToken);

        Assert.False(delivered);
        Assert.Equal((0, 0), (receiver.Requests, receiver.BadSignatures));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_connector_connects_to_the_address_it_checked_only_where_allowed(bool allowed)
    {
        await using var receiver = await WebhookReceiver.Start(failurePercent: 0);
        var options = Microsoft.Extensions.Options.Options.Create(new WebhookOptions { AllowPrivateNetworks = allowed });
        var connector = new WebhookConnector(new PublicOnlyGateway.ReboundResolver(), options, NullLogger<WebhookConnector>.Instance);
        using var http = new HttpClient(new SocketsHttpHandler { ConnectCallback = connector.Connect, UseProxy = false });

        var send = http.PostAsync(Rebound(receiver.Url), new StringContent("{}"), TestContext.Current.CancellationToken);

        if (allowed)
        {
            using var answer = await send;
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode); // reached: the receiver refused the unsigned body
            Assert.Equal(1, receiver.BadSignatures);
        }
        else
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => send);
            Assert.Equal(0, receiver.BadSignatures);
        }
    }

    private static string Rebound(string url) => url.Replace("127.0.0.1", PublicOnlyGateway.ReboundHost, StringComparison.Ordinal);
}

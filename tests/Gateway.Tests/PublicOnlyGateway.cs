using System.Net;
using Loyalty.Client;
using Loyalty.Grains.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Gateway.Tests;

/// <summary>
/// An embedded gateway and silo of its own with the default <c>Loyalty:Webhooks:AllowPrivateNetworks</c> (false),
/// whose DNS answers <see cref="ReboundHost"/> with loopback, as a rebinding attacker's name would.
/// </summary>
public sealed class PublicOnlyGateway : WebApplicationFactory<Program>
{
    public const string ReboundHost = "rebound.example";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Loyalty:SiloPort", GatewayFixture.FreePort().ToString());
        builder.UseSetting("Loyalty:GatewayPort", GatewayFixture.FreePort().ToString());
        builder.UseSetting("Loyalty:Security:OperatorKey", GatewayFixture.OperatorKey);
        builder.UseSetting("Loyalty:SeedDemoProgram", "false");
        builder.ConfigureTestServices(services => services
            .AddKeyedSingleton(LoyaltyClock.Key, TestClock.Provider)
            .AddSingleton<WebhookHostResolver>(new ReboundResolver()));
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", GatewayFixture.OperatorKey);
    }

    /// <summary>DNS as the tests need it: <see cref="ReboundHost"/> is loopback, every other name does not exist.</summary>
    public sealed class ReboundResolver : WebhookHostResolver
    {
        public override Task<IPAddress[]> Resolve(string host, CancellationToken cancellationToken) =>
            host == ReboundHost ? Task.FromResult(new[] { IPAddress.Loopback }) : Task.FromException<IPAddress[]>(new IOException($"{host}: no such host"));
    }
}

using System.Net;
using System.Net.Sockets;
using Loyalty.Grains;
using Loyalty.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(Loyalty.Gateway.Tests.GatewayFixture))]

namespace Loyalty.Gateway.Tests;

/// <summary>One embedded gateway (with its co-hosted silo) for the whole test assembly; tests keep apart by ids.</summary>
public sealed class GatewayFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string OperatorKey = "test-operator-key-of-the-gateway-tests";

    /// <summary>
    /// Starts the gateway before any test asks for it. The factory starts its host on first use without a lock, so
    /// test classes that first use it at the same moment could each start one, and a test would then write through
    /// one host's silo and read through another's.
    /// </summary>
    public ValueTask InitializeAsync()
    {
        _ = Server;
        return ValueTask.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Loyalty:SiloPort", FreePort().ToString());
        builder.UseSetting("Loyalty:GatewayPort", FreePort().ToString());
        builder.UseSetting("Loyalty:Security:OperatorKey", OperatorKey);

        // Webhook tests make receivers fail on purpose; retries come quickly so they finish in seconds.
        builder.UseSetting("Loyalty:Notifications:InitialBackoff", "00:00:00.050");
        builder.UseSetting("Loyalty:Notifications:MaxBackoff", "00:00:00.400");

        // Receivers listen on loopback, which webhooks may reach only when private networks are allowed.
        builder.UseSetting("Loyalty:Webhooks:AllowPrivateNetworks", "true");
        builder.ConfigureTestServices(services => services.AddKeyedSingleton(LoyaltyClock.Key, TestClock.Provider));
    }

    /// <summary>Clients made by the fixture carry the operator key; tests of access make clients without it.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", OperatorKey);
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

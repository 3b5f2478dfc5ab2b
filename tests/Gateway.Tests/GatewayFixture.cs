using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

[assembly: AssemblyFixture(typeof(Loyalty.Gateway.Tests.GatewayFixture))]

namespace Loyalty.Gateway.Tests;

/// <summary>One embedded gateway (with its co-hosted silo) for the whole test assembly; tests keep apart by ids.</summary>
public sealed class GatewayFixture : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Loyalty:SiloPort", FreePort().ToString());
        builder.UseSetting("Loyalty:GatewayPort", FreePort().ToString());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;

namespace Loyalty.Gateway.Tests.Hostile;

/// <summary>
/// A gateway on a real loopback port: the in-process test server does not enforce Kestrel's limits, so the cases
/// that need a socket (huge headers, a body sent slowly) are sent here.
/// </summary>
public sealed class SocketGateway : IAsyncDisposable
{
    private readonly WebApplication app;

    private SocketGateway(WebApplication app) => this.app = app;

    public IPEndPoint EndPoint { get; private set; } = new(IPAddress.Loopback, 0);

    /// <param name="settings">Further settings, such as "--Loyalty:Http:MinRequestBodyDataRateGracePeriod=00:00:01".</param>
    public static async Task<SocketGateway> Start(params string[] settings)
    {
        var gateway = new SocketGateway(GatewayApp.Build([
            "--urls", "http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            "--Loyalty:SeedDemoProgram=false",
            $"--Loyalty:SiloPort={FreePort()}",
            $"--Loyalty:GatewayPort={FreePort()}",
            $"--Loyalty:Security:OperatorKey={GatewayFixture.OperatorKey}",
            .. settings,
        ]));
        await gateway.app.StartAsync(TestContext.Current.CancellationToken);
        var uri = new Uri(gateway.app.Urls.First());
        gateway.EndPoint = new IPEndPoint(IPAddress.Loopback, uri.Port);
        return gateway;
    }

    public async Task<Socket> Connect()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(EndPoint, TestContext.Current.CancellationToken);
        return socket;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

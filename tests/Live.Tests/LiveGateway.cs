using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Loyalty.Gateway;
using Microsoft.AspNetCore.Builder;
using Loyalty.Replay.Sending;

[assembly: AssemblyFixture(typeof(Loyalty.Live.Tests.LiveGateway))]

namespace Loyalty.Live.Tests;

/// <summary>The embedded gateway as users run it: Kestrel on a free loopback port, with its co-hosted silo.</summary>
public sealed class LiveGateway : IAsyncLifetime
{
    private WebApplication? app;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>A client that opens as many connections as asked: each SSE stream holds one.</summary>
    public HttpClient CreateClient() => new(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue })
    {
        BaseAddress = BaseAddress,
        Timeout = Timeout.InfiniteTimeSpan,
        DefaultRequestHeaders = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", OperatorKey) },
    };

    public const string OperatorKey = "test-operator-key-of-the-live-tests";

    /// <summary>A credential the page takes from its address: a member token for <paramref name="memberId"/>, else an app key.</summary>
    public async Task<string> PageCredential(HttpClient client, string programId, string? memberId)
    {
        var (path, body, field) = memberId is null
            ? ($"v1/programs/{programId}/keys", (object)new { name = "live page", role = "app" }, "key")
            : ($"v1/programs/{programId}/members/{memberId}/tokens", new { }, "token");
        var response = await client.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        return $"#{field}={Uri.EscapeDataString(answer![field]!.GetValue<string>())}";
    }

    public async ValueTask InitializeAsync()
    {
        app = GatewayApp.Build([
            "--urls", "http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            $"--Loyalty:SiloPort={FreePort()}",
            $"--Loyalty:GatewayPort={FreePort()}",
            $"--Loyalty:Security:OperatorKey={OperatorKey}",
        ]);
        await app.StartAsync();
        BaseAddress = new Uri(app.Urls.First() + "/");
        using var client = CreateClient();
        await GatewayPreparation.WaitUntilReady(client, TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>A program of the test's own (the demo configuration under a fresh id).</summary>
    public async Task<string> NewProgram(HttpClient client)
    {
        var programId = "p" + Guid.NewGuid().ToString("N")[..12];
        await GatewayPreparation.EnsureProgram(client, programId, Loyalty.Gateway.Programs.DemoProgram.ConfigurationJson);
        return programId;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

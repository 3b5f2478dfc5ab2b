using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Loyalty.ClusterScript;

/// <summary>A throw-away redis-server on a free loopback port, without persistence (linked as source by tests and benchmarks).</summary>
public sealed class ThrowawayRedis : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConnectionMultiplexer connection;

    private ThrowawayRedis(Process process, ConnectionMultiplexer connection)
    {
        this.process = process;
        this.connection = connection;
    }

    public IDatabase Database => connection.GetDatabase();

    public string Configuration { get; private init; } = "";

    public static async Task<ThrowawayRedis> Start()
    {
        var port = FreePort();
        var process = Process.Start(new ProcessStartInfo("redis-server", $"--bind 127.0.0.1 --port {port} --save \"\" --appendonly no")
        {
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("redis-server did not start (install it: apt-get install redis-server).");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                return new ThrowawayRedis(process, await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port}")) { Configuration = $"127.0.0.1:{port}" };
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync();
        process.Kill();
        await process.WaitForExitAsync();
        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

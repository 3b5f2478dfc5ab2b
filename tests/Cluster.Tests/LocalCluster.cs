using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Loyalty.Cluster.Tests;

/// <summary>Drives deploy/local-cluster.sh on free loopback ports and a folder of its own, as an operator would.</summary>
public sealed class LocalCluster : IAsyncDisposable
{
    /// <summary>Clusters take most of two cores: their tests run one at a time.</summary>
    public const string Collection = "local clusters, one at a time";

    private readonly string directory = Directory.CreateTempSubdirectory("loyalty-cluster-").FullName;
    private readonly Dictionary<string, string> environment;

    public LocalCluster(string appendFsync = "everysec")
    {
        var siloBase = FreePort();
        environment = new()
        {
            ["LOYALTY_CLUSTER_DIR"] = directory,
            ["LOYALTY_REDIS_PORT"] = FreePort().ToString(),
            ["LOYALTY_GATEWAY_PORT"] = FreePort().ToString(),
            ["LOYALTY_SILO_BASE_PORT"] = siloBase.ToString(),
            ["LOYALTY_SILO_GATEWAY_BASE_PORT"] = (siloBase + 10).ToString(),
            ["LOYALTY_APPENDFSYNC"] = appendFsync,
        };
    }

    public HttpClient Client { get; private set; } = new();

    /// <summary>Starts whatever is not running and waits until the gateway is ready.</summary>
    public async Task Up()
    {
        var output = await Run("up", TimeSpan.FromMinutes(3));
        var url = output.Trim().Split('\n')[^1].Trim();
        if (Client.BaseAddress?.ToString() != url + "/")
        {
            Client = new HttpClient { BaseAddress = new Uri(url + "/"), Timeout = TimeSpan.FromSeconds(30) };
        }
    }

    public Task Down() => Run("down", TimeSpan.FromMinutes(4));


    public async ValueTask DisposeAsync()
    {
        try
        {
            await Run("destroy", TimeSpan.FromSeconds(30)); // throw-away data: no graceful hand-over needed
        }
        finally
        {
            Client.Dispose();
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task<string> Run(string arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("bash", $"{Script} {arguments}") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"local-cluster.sh {arguments} failed ({process.ExitCode}): {await errors}\n{Logs()}");
        }

        return await output;
    }

    private string Logs() => string.Join("\n", Directory.GetFiles(directory, "*.log")
        .Select(log => $"--- {Path.GetFileName(log)}\n{string.Join("\n", File.ReadLines(log).TakeLast(20))}"));

    private static string Script
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var script = Path.Combine(dir.FullName, "deploy", "local-cluster.sh");
                if (File.Exists(script))
                {
                    return script;
                }
            }

            throw new FileNotFoundException("deploy/local-cluster.sh not found above the test binaries.");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

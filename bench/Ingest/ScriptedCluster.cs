using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Loyalty.Bench.Ingest;

/// <summary>A throw-away Redis-profile cluster started with deploy/local-cluster.sh on free loopback ports.</summary>
public sealed class ScriptedCluster : IAsyncDisposable
{
    private readonly Dictionary<string, string> environment;

    private ScriptedCluster(Dictionary<string, string> environment, Uri gateway)
    {
        this.environment = environment;
        Gateway = gateway;
    }

    public Uri Gateway { get; }

    public string Redis => $"127.0.0.1:{environment["LOYALTY_REDIS_PORT"]}";

    public static async Task<ScriptedCluster> Start(int silos)
    {
        var siloBase = FreePort();
        var environment = new Dictionary<string, string>
        {
            ["LOYALTY_CLUSTER_DIR"] = Directory.CreateTempSubdirectory("loyalty-bench-").FullName,
            ["LOYALTY_REDIS_PORT"] = FreePort().ToString(),
            ["LOYALTY_GATEWAY_PORT"] = FreePort().ToString(),
            ["LOYALTY_SILO_BASE_PORT"] = siloBase.ToString(),
            ["LOYALTY_SILO_GATEWAY_BASE_PORT"] = (siloBase + 10).ToString(),
            ["LOYALTY_SILOS"] = silos.ToString(),
        };
        var url = (await Run(environment, "up")).Trim().Split('\n')[^1].Trim();
        return new ScriptedCluster(environment, new Uri(url + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await Run(environment, "destroy");
        Directory.Delete(environment["LOYALTY_CLUSTER_DIR"], recursive: true);
    }

    private static async Task<string> Run(Dictionary<string, string> environment, string command)
    {
        var start = new ProcessStartInfo("bash", $"{Script} {command}") { RedirectStandardOutput = true };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"local-cluster.sh {command} failed: {output}");
    }

    private static string Script
    {
        get
        {
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    var script = Path.Combine(dir.FullName, "deploy", "local-cluster.sh");
                    if (File.Exists(script))
                    {
                        return script;
                    }
                }
            }

            throw new FileNotFoundException("deploy/local-cluster.sh not found.");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

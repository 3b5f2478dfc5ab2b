using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Loyalty.ClusterScript;

/// <summary>
/// Runs deploy/local-cluster.sh for a throw-away cluster: free loopback ports and a folder of its own, so several
/// can exist side by side. Shared by the cluster tests and the Redis-profile benchmark (linked as source).
/// </summary>
public sealed class LocalClusterScript
{
    private readonly Dictionary<string, string> environment;

    public LocalClusterScript(IReadOnlyDictionary<string, string>? settings = null)
    {
        var siloBase = FreePort();
        environment = new()
        {
            ["LOYALTY_CLUSTER_DIR"] = Directory.CreateTempSubdirectory("loyalty-cluster-").FullName,
            ["LOYALTY_REDIS_PORT"] = FreePort().ToString(),
            ["LOYALTY_AZURITE_PORT"] = ThreeFreePorts().ToString(),
            ["LOYALTY_GATEWAY_PORT"] = FreePort().ToString(),
            ["LOYALTY_SILO_BASE_PORT"] = siloBase.ToString(),
            ["LOYALTY_SILO_GATEWAY_BASE_PORT"] = (siloBase + 10).ToString(),
            ["Loyalty__Security__OperatorKey"] = "lko_" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
    }

    public string Folder => environment["LOYALTY_CLUSTER_DIR"];

    public string Redis => $"127.0.0.1:{environment["LOYALTY_REDIS_PORT"]}";

    /// <summary>The connection string of the cluster's Azurite (LOYALTY_PROFILE=azure).</summary>
    public string AzureStorage => ThrowawayAzurite.ConnectionStringFor(int.Parse(environment["LOYALTY_AZURITE_PORT"]));

    /// <summary>The profile's store process, as the script names it: redis, or azurite for LOYALTY_PROFILE=azure.</summary>
    public string Store => environment.GetValueOrDefault("LOYALTY_PROFILE") == "azure" ? "azurite" : "redis";

    /// <summary>The gateway's operator key, for the clients of tests and benchmarks.</summary>
    public string OperatorKey => environment["Loyalty__Security__OperatorKey"];

    /// <summary>Starts what is not running; answers the gateway's base address (the script's last line).</summary>
    public async Task<Uri> Up(TimeSpan timeout) =>
        new((await Run("up", timeout)).Trim().Split('\n')[^1].Trim() + "/");

    /// <summary>
    /// Kills everything at once and removes the folder: the data is thrown away, no hand-over needed. With
    /// LOYALTY_KEEP_CLUSTER_FOLDER=1 in the environment the folder (logs, Redis files) stays for a post-mortem.
    /// </summary>
    public async Task Destroy()
    {
        try
        {
            await Run("destroy", TimeSpan.FromSeconds(30));
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("LOYALTY_KEEP_CLUSTER_FOLDER") != "1")
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
    }

    public async Task<string> Run(string arguments, TimeSpan timeout)
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

    private string Logs() => string.Join("\n", Directory.GetFiles(Folder, "*.log")
        .Select(log => $"--- {Path.GetFileName(log)}\n{string.Join("\n", File.ReadLines(log).TakeLast(20))}"));

    private static string Script => Path.Combine(RepositoryRoot, "deploy", "local-cluster.sh");

    /// <summary>The folder that holds deploy/local-cluster.sh, above the working folder or the binaries.</summary>
    public static string RepositoryRoot
    {
        get
        {
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "deploy", "local-cluster.sh")))
                    {
                        return dir.FullName;
                    }
                }
            }

            throw new FileNotFoundException("deploy/local-cluster.sh not found above the working folder or the binaries.");
        }
    }

    /// <summary>The first of three free consecutive loopback ports (Azurite's blob, queue and table services).</summary>
    public static int ThreeFreePorts()
    {
        for (var attempt = 0; ; attempt++)
        {
            var first = FreePort();
            if (first <= 65_533 && IsFree(first + 1) && IsFree(first + 2) || attempt == 20)
            {
                return first;
            }
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

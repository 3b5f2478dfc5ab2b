using System.Diagnostics;
using System.Net.Sockets;

namespace Loyalty.ClusterScript;

/// <summary>
/// A throw-away Azurite (Azure Storage emulator) on free loopback ports, in memory, from the copy deploy/local-cluster.sh
/// installs under .run/azurite (linked as source by tests and benchmarks).
/// </summary>
public sealed class ThrowawayAzurite : IAsyncDisposable
{
    private const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process process;

    private ThrowawayAzurite(Process process, int blobPort)
    {
        this.process = process;
        ConnectionString = ConnectionStringFor(blobPort);
    }

    public string ConnectionString { get; }

    /// <summary>Azurite's well-known development account on loopback, its blob service at <paramref name="blobPort"/>, queues and tables on the next two.</summary>
    public static string ConnectionStringFor(int blobPort) =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};BlobEndpoint=http://127.0.0.1:{blobPort}/{Account};"
        + $"QueueEndpoint=http://127.0.0.1:{blobPort + 1}/{Account};TableEndpoint=http://127.0.0.1:{blobPort + 2}/{Account};";

    public static string Executable => Path.Combine(LocalClusterScript.RepositoryRoot, ".run", "azurite", "node_modules", ".bin", "azurite");

    public static async Task<ThrowawayAzurite> Start()
    {
        if (!File.Exists(Executable))
        {
            throw new FileNotFoundException($"Azurite is not installed at {Executable}: run test.sh, or deploy/local-cluster.sh up with LOYALTY_PROFILE=azure.");
        }

        var port = LocalClusterScript.ThreeFreePorts();
        var process = Process.Start(new ProcessStartInfo(Executable,
            $"--silent --inMemoryPersistence --skipApiVersionCheck --blobHost 127.0.0.1 --blobPort {port} --queueHost 127.0.0.1 --queuePort {port + 1} --tableHost 127.0.0.1 --tablePort {port + 2}")
        {
            RedirectStandardOutput = true,
        })!;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!Listening(port + 2) || !Listening(port + 1))
        {
            if (DateTime.UtcNow > deadline || process.HasExited)
            {
                process.Kill();
                throw new InvalidOperationException("Azurite did not start listening within 30 s.");
            }

            await Task.Delay(100);
        }

        return new ThrowawayAzurite(process, port);
    }

    public async ValueTask DisposeAsync()
    {
        process.Kill();
        await process.WaitForExitAsync();
        process.Dispose();
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Loyalty.Bench.Ingest;

/// <summary>
/// A PostgreSQL from Debian's packages on a free loopback port, its data in a temporary folder that is removed
/// afterwards; <c>synchronous_commit=off</c>, as a throughput-minded operator would set it. initdb refuses to run as
/// root, so as root the server runs as the <c>postgres</c> user (through runuser).
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private static readonly string[] BinFolders = ["/usr/lib/postgresql/15/bin", "/usr/local/bin", "/usr/bin"];

    private readonly string folder;
    private readonly string bin;

    private ThrowawayPostgres(string folder, string bin, int port)
    {
        this.folder = folder;
        this.bin = bin;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=32;Max Auto Prepare=8;No Reset On Close=true";

    /// <summary>Starts the server; throws with initdb's or pg_ctl's own words when it cannot.</summary>
    public static async Task<ThrowawayPostgres> Start()
    {
        var bin = BinFolders.FirstOrDefault(dir => File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "initdb")))
            ?? throw new InvalidOperationException("pg_ctl and initdb not found (apt-get install postgresql)");
        var folder = Directory.CreateTempSubdirectory("loyalty-pg-").FullName;
        var server = new ThrowawayPostgres(folder, bin, FreePort());
        try
        {
            if (Environment.UserName == "root")
            {
                await Run("chown", $"postgres {folder}", asPostgres: false);
            }

            await server.Tool("initdb", $"-D {folder}/data -U postgres --auth=trust -E UTF8 --no-sync");
            var settings = $"-h 127.0.0.1 -p {server.Port} -k {folder} -c synchronous_commit=off -c max_connections=50 -c shared_buffers=128MB";
            await server.Tool("pg_ctl", $"-D {folder}/data -l {folder}/server.log -w -t 60 -o \"{settings}\" start");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(folder, "data", "postmaster.pid")))
            {
                await Tool("pg_ctl", $"-D {folder}/data -m immediate -w stop");
            }
        }
        catch (InvalidOperationException)
        {
            // not started: nothing to stop
        }

        Directory.Delete(folder, recursive: true);
    }

    private Task Tool(string name, string arguments) => Run(Path.Combine(bin, name), arguments, asPostgres: Environment.UserName == "root");

    private static async Task Run(string program, string arguments, bool asPostgres)
    {
        var start = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {program} {arguments}")
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {(await errors).Trim()} {(await output).Trim()}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using Loyalty.ClusterScript;

namespace Loyalty.Cluster.Tests;

/// <summary>
/// A Redis- or Azure-Storage-profile cluster of real processes (<paramref name="profile"/> "redis" or "azure", on
/// Azurite), driven through deploy/local-cluster.sh as an operator would.
/// </summary>
public sealed class LocalCluster(string profile = "redis", string appendFsync = "everysec") : IAsyncDisposable
{
    /// <summary>Clusters take most of two cores: their tests run one at a time.</summary>
    public const string Collection = "local clusters, one at a time";

    private readonly LocalClusterScript script = new(new Dictionary<string, string>
    {
        ["LOYALTY_PROFILE"] = profile,
        ["LOYALTY_APPENDFSYNC"] = appendFsync,
    });

    /// <summary>The store's process: redis or azurite.</summary>
    public string Store => script.Store;

    public HttpClient Client { get; private set; } = new();

    /// <summary>The cluster's redis-server, host:port.</summary>
    public string Redis => script.Redis;

    /// <summary>Starts whatever is not running and waits until the gateway is ready.</summary>
    public async Task Up()
    {
        var gateway = await script.Up(TimeSpan.FromMinutes(3));
        if (Client.BaseAddress != gateway)
        {
            Client = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
            Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", script.OperatorKey);
        }
    }

    public Task Down() => script.Run("down", TimeSpan.FromMinutes(4));

    /// <summary>SIGKILL of one process: redis or azurite, silo-1..3 or gateway.</summary>
    public Task Kill(string process) => script.Run($"kill {process}", TimeSpan.FromSeconds(30));

    /// <summary>A graceful stop of one process, left stopped until the next <see cref="Up"/>.</summary>
    public Task Stop(string process) => script.Run($"stop {process}", TimeSpan.FromMinutes(1));

    /// <summary>A graceful stop and start of one silo or the gateway.</summary>
    public Task Restart(string process) => script.Run($"restart {process}", TimeSpan.FromMinutes(3));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await script.Destroy();
        }
        finally
        {
            Client.Dispose();
        }
    }
}

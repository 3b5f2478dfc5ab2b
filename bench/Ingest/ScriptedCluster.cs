using Loyalty.ClusterScript;

namespace Loyalty.Bench.Ingest;

/// <summary>A throw-away Redis- or Azure-Storage-profile cluster started with deploy/local-cluster.sh on free loopback ports.</summary>
public sealed class ScriptedCluster : IAsyncDisposable
{
    private readonly LocalClusterScript script;

    private ScriptedCluster(LocalClusterScript script, Uri gateway)
    {
        this.script = script;
        Gateway = gateway;
    }

    public Uri Gateway { get; }

    public string Redis => script.Redis;

    public string AzureStorage => script.AzureStorage;

    /// <summary>A client of the gateway carrying the operator key.</summary>
    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = Gateway, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", script.OperatorKey);
        return client;
    }

    public static async Task<ScriptedCluster> Start(int silos, string profile = "redis")
    {
        var script = new LocalClusterScript(new Dictionary<string, string> { ["LOYALTY_SILOS"] = silos.ToString(), ["LOYALTY_PROFILE"] = profile });
        return new ScriptedCluster(script, await script.Up(TimeSpan.FromMinutes(3)));
    }

    public async ValueTask DisposeAsync() => await script.Destroy();
}

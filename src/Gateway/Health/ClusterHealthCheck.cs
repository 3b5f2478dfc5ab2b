using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Loyalty.Gateway.Health;

/// <summary>Ready only while a silo answers: asks the cluster's management grain for its active silos.</summary>
public sealed class ClusterHealthCheck(IClusterClient cluster, IOptions<HealthOptions> options) : IHealthCheck
{
    private readonly TimeSpan timeout = options.Value.CheckTimeout;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await cluster.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(timeout, cancellationToken);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s)")
                : HealthCheckResult.Unhealthy("No active silo.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The cluster did not answer.", e);
        }
    }
}

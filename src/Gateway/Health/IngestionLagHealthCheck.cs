using Loyalty.Gateway.Events;
using Loyalty.Client.Ingestion;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Loyalty.Gateway.Health;

/// <summary>
/// Shows the ingestion lag in readiness. Always healthy: a lag past the bound is back-pressure (the events route
/// answers 429), and taking the gateway out of service would refuse reads too.
/// </summary>
public sealed class IngestionLagHealthCheck(IIngestionLag lag, IngestionAdmission admission) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var current = lag.Current;
        var open = admission.IsOpen;
        var data = new Dictionary<string, object>
        {
            ["pendingEvents"] = current.Events,
            ["oldestPendingSeconds"] = Math.Round(current.OldestAge.TotalSeconds, 3),
            ["maxLag"] = admission.MaxLag,
            ["acceptingEvents"] = open,
        };
        var description = open
            ? $"{current.Events} events pending"
            : $"{current.Events} events pending, at the bound of {admission.MaxLag}: new events are refused with 429";
        return Task.FromResult(HealthCheckResult.Healthy(description, data));
    }
}

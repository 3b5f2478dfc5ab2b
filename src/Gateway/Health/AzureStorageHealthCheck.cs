using Loyalty.Client.Azure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Loyalty.Gateway.Health;

/// <summary>Ready only while Azure Storage answers a one-row table listing: without it the gateway cannot store events.</summary>
public sealed class AzureStorageHealthCheck(LoyaltyAzureStorage storage, IOptions<HealthOptions> options) : IHealthCheck
{
    private readonly TimeSpan timeout = options.Value.CheckTimeout;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await foreach (var _ in storage.Tables.QueryAsync(maxPerPage: 1, cancellationToken: deadline.Token).AsPages(pageSizeHint: 1))
            {
                break;
            }

            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is Azure.RequestFailedException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("Azure Storage did not answer.", e);
        }
    }
}

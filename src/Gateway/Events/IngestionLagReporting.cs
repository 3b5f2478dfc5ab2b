using Loyalty.Client.Ingestion;
using Loyalty.Client.Telemetry;

namespace Loyalty.Gateway.Events;

/// <summary>Shows this gateway's view of the ingestion lag on the lag gauges while it runs.</summary>
public sealed class IngestionLagReporting(IIngestionLag lag) : IHostedService
{
    private IDisposable? reporting;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        reporting = LoyaltyMetrics.ReportIngestionLag(lag);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        reporting?.Dispose();
        return Task.CompletedTask;
    }
}

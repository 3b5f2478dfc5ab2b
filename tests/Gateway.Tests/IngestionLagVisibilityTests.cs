using System.Text.RegularExpressions;

namespace Loyalty.Gateway.Tests;

/// <summary>An operator sees the ingestion lag in /metrics and in readiness' detail.</summary>
public sealed class IngestionLagVisibilityTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    [Fact]
    public async Task Metrics_show_the_lag_gauges()
    {
        var metrics = await client.GetStringAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Matches(Sample("loyalty_ingestion_lag"), metrics);
        Assert.Matches(Sample("loyalty_ingestion_lag_oldest_seconds"), metrics);
    }

    [Fact]
    public async Task Readiness_shows_the_lag_and_its_bound_and_stays_healthy()
    {
        var ready = await client.GetRequiredJson("/health/ready");

        Assert.Equal("Healthy", ready["status"]!.GetValue<string>());
        var ingestion = ready["checks"]!["ingestion"]!;
        Assert.Equal("Healthy", ingestion["status"]!.GetValue<string>());
        Assert.True(ingestion.Long("data.pendingEvents") >= 0);
        Assert.True(ingestion["data"]!["oldestPendingSeconds"]!.GetValue<double>() >= 0);
        Assert.Equal(200_000, ingestion.Long("data.maxLag"));
        Assert.Equal("Healthy", ready["checks"]!["cluster"]!["status"]!.GetValue<string>());
    }

    private static Regex Sample(string metric) => new($@"(?m)^{metric}(\{{[^}}]*\}})? \d");
}

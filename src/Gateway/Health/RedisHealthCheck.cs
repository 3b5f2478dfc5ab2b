using Loyalty.Client.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Loyalty.Gateway.Health;

/// <summary>Ready only while Redis answers a PING on the shared connection: without it the gateway cannot store events.</summary>
public sealed class RedisHealthCheck(LoyaltyRedis redis, IOptions<HealthOptions> options) : IHealthCheck
{
    private readonly TimeSpan timeout = options.Value.CheckTimeout;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await (await redis.Database()).PingAsync().WaitAsync(timeout, cancellationToken);
            return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:N1} ms");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis did not answer.", e);
        }
    }
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Loyalty.Gateway.Health;

/// <summary>Ready only while Redis answers a PING: without it the gateway cannot store events.</summary>
public sealed class RedisHealthCheck(string configuration) : IHealthCheck, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private readonly Lazy<Task<ConnectionMultiplexer>> redis = new(() =>
    {
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = (int)Timeout.TotalMilliseconds;
        return ConnectionMultiplexer.ConnectAsync(options);
    });

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await (await redis.Value).GetDatabase().PingAsync().WaitAsync(Timeout, cancellationToken);
            return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:N1} ms");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis did not answer.", e);
        }
    }

    public void Dispose()
    {
        if (redis.IsValueCreated && redis.Value.IsCompletedSuccessfully)
        {
            redis.Value.Result.Dispose();
        }
    }
}

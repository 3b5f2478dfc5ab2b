using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Loyalty.Gateway.Tests.RateLimits;

/// <summary>
/// A gateway of its own with tiny limits, so the shared fixture's tests are never limited: app keys and members 1
/// request/s with bursts of 3, keys 1 event/s with the least burst (one full batch); one program may burst further.
/// </summary>
public sealed class RateLimitedGateway : IAsyncLifetime
{
    public const int Burst = 3;
    public const int EventBurst = 5_000;
    public const int GenerousBurst = 50;

    private readonly GatewayFixture fixture = new();

    public RateLimitedGateway() => Gateway = fixture.WithWebHostBuilder(builder => builder
        .UseSetting("Loyalty:RateLimits:AppRequestsPerSecond", "1")
        .UseSetting("Loyalty:RateLimits:AppBurst", $"{Burst}")
        .UseSetting("Loyalty:RateLimits:MemberRequestsPerSecond", "1")
        .UseSetting("Loyalty:RateLimits:MemberBurst", $"{Burst}")
        .UseSetting("Loyalty:RateLimits:EventsPerSecond", "1")
        .UseSetting("Loyalty:RateLimits:EventBurst", $"{EventBurst}")
        .UseSetting($"Loyalty:RateLimits:Programs:{GenerousProgram}:AppBurst", $"{GenerousBurst}"));

    /// <summary>A program whose app keys may burst to <see cref="GenerousBurst"/>; its id is known before it exists.</summary>
    public string GenerousProgram { get; } = Api.Unique("p");

    public WebApplicationFactory<Program> Gateway { get; }

    public ValueTask InitializeAsync()
    {
        _ = Gateway.Server;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await fixture.DisposeAsync();
    }
}

using Microsoft.AspNetCore.Hosting;

namespace Loyalty.Gateway.Tests.RateLimits;

/// <summary>Rate limits out of bounds, for the section or for one program, refuse start naming the key.</summary>
public sealed class RateLimitSettingsTests
{
    [Theory]
    [InlineData("Loyalty:RateLimits:MemberRequestsPerSecond", "0", "Loyalty:RateLimits:MemberRequestsPerSecond")]
    [InlineData("Loyalty:RateLimits:EventBurst", "4999", "Loyalty:RateLimits:EventBurst")]
    [InlineData("Loyalty:RateLimits:AppBurst", "10", "Loyalty:RateLimits:AppBurst must be at least Loyalty:RateLimits:AppRequestsPerSecond")]
    [InlineData("Loyalty:RateLimits:Programs:shop:AdminBurst", "0", "Loyalty:RateLimits:Programs:shop:AdminBurst")]
    [InlineData("Loyalty:RateLimits:Programs:shop:EventsPerSecond", "50000", "Loyalty:RateLimits:Programs:shop:EventBurst must be at least Loyalty:RateLimits:Programs:shop:EventsPerSecond")]
    public async Task A_gateway_with_a_rate_out_of_bounds_refuses_to_start_naming_the_key(string setting, string value, string message)
    {
        await using var fixture = new GatewayFixture();
        await using var gateway = fixture.WithWebHostBuilder(builder => builder.UseSetting(setting, value));

        var failure = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Contains(message, failure.ToString(), StringComparison.Ordinal);
    }
}

using Loyalty.Client.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace Loyalty.Gateway.RateLimits;

public static class RateLimitRegistration
{
    /// <summary>
    /// Every request of a key or member draws from its bucket in ASP.NET Core's rate limiter, placed after
    /// authentication so it knows the credential; the events route charges its events itself.
    /// </summary>
    public static void AddLoyaltyRateLimits(this IServiceCollection services)
    {
        services.AddLoyaltyOptions<RateLimitOptions>();
        services.AddSingleton<CallerRateLimits>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<CallerRateLimits>((limiter, limits) =>
        {
            limiter.GlobalLimiter = limits.Requests;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (rejected, _) => new ValueTask(RateLimitAnswer
                .For(rejected.HttpContext, rejected.Lease, "This credential is over its request rate. Send again after the delay.")
                .ExecuteAsync(rejected.HttpContext));
        });
    }
}

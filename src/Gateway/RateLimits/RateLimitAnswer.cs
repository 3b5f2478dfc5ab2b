using System.Threading.RateLimiting;
using Loyalty.Gateway.Http;

namespace Loyalty.Gateway.RateLimits;

/// <summary>What a caller over its rate is told: 429 problem+json, with the wait its bucket needs as Retry-After.</summary>
public static class RateLimitAnswer
{
    public static IResult For(HttpContext context, RateLimitLease refused, string detail) =>
        Problems.RateLimited(context, detail, RetryAfterSeconds(refused));

    /// <summary>Whole seconds, rounded up so a caller that waits them finds the tokens there; at least one.</summary>
    private static int RetryAfterSeconds(RateLimitLease refused) =>
        refused.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
}

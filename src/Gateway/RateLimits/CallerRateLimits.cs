using System.Threading.RateLimiting;
using Loyalty.Gateway.Security;
using Loyalty.Grains.Interfaces.Security;
using Microsoft.Extensions.Options;

namespace Loyalty.Gateway.RateLimits;

/// <summary>
/// The token buckets of every credential: one per key and one per member of a program, made on first use and dropped
/// once idle and full. The operator and requests without a credential draw from none: the first is the deployment's
/// own, the second is answered 401.
/// </summary>
public sealed class CallerRateLimits : IDisposable
{
    private static readonly TimeSpan RefillPeriod = TimeSpan.FromSeconds(1);

    private readonly RateLimitOptions options;

    public CallerRateLimits(IOptions<RateLimitOptions> options)
    {
        this.options = options.Value;
        Requests = PartitionedRateLimiter.Create<HttpContext, BucketKey>(context => Partition(context, postsEvents: false));
        Events = PartitionedRateLimiter.Create<HttpContext, BucketKey>(context => Partition(context, postsEvents: true));
    }

    /// <summary>One permit a request, for every route but those <see cref="ChargedPerEvent"/>.</summary>
    public PartitionedRateLimiter<HttpContext> Requests { get; }

    /// <summary>One permit an event, taken by the events route once it has counted the batch.</summary>
    public PartitionedRateLimiter<HttpContext> Events { get; }

    public void Dispose()
    {
        Requests.Dispose();
        Events.Dispose();
    }

    private RateLimitPartition<BucketKey> Partition(HttpContext context, bool postsEvents)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || user.IsOperator() || user.ProgramId() is not { } programId
            || (!postsEvents && context.GetEndpoint()?.Metadata.GetMetadata<ChargedPerEvent>() is not null))
        {
            return RateLimitPartition.GetNoLimiter(BucketKey.Unlimited);
        }

        var role = user.Role();
        var bucket = postsEvents || role == ApiRole.Producer ? RateBucket.Events : role switch
        {
            ApiRole.App => RateBucket.AppRequests,
            ApiRole.Admin => RateBucket.AdminRequests,
            _ => RateBucket.MemberRequests,
        };
        var holder = user.KeyId() is { } keyId ? $"key:{keyId}" : $"member:{user.MemberId()}";
        return RateLimitPartition.GetTokenBucketLimiter(new BucketKey(programId, holder, bucket), key =>
        {
            var rate = options.RateOf(key.Bucket, key.ProgramId);
            return new TokenBucketRateLimiterOptions
            {
                TokenLimit = rate.Burst,
                TokensPerPeriod = rate.PerSecond,
                ReplenishmentPeriod = RefillPeriod,
                QueueLimit = 0, // refused at once, with the wait in Retry-After: a held request would hold a connection
                AutoReplenishment = true,
            };
        });
    }

    private readonly record struct BucketKey(string ProgramId, string Holder, RateBucket Bucket)
    {
        public static readonly BucketKey Unlimited = new("", "", RateBucket.Events);
    }
}

namespace Loyalty.Gateway.RateLimits;

/// <summary>
/// Which of its buckets a credential draws from: events on the events route, else requests by what the credential
/// is. A producer key has only its events bucket, so its requests elsewhere cost one event each.
/// </summary>
public enum RateBucket
{
    Events,
    AppRequests,
    AdminRequests,
    MemberRequests,
}

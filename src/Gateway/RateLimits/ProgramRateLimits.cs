namespace Loyalty.Gateway.RateLimits;

/// <summary>A program's own rate limits under <c>Loyalty:RateLimits:Programs:{programId}</c>; an unset key takes the section's.</summary>
public sealed class ProgramRateLimits
{
    public int? EventsPerSecond { get; set; }

    public int? EventBurst { get; set; }

    public int? AppRequestsPerSecond { get; set; }

    public int? AppBurst { get; set; }

    public int? AdminRequestsPerSecond { get; set; }

    public int? AdminBurst { get; set; }

    public int? MemberRequestsPerSecond { get; set; }

    public int? MemberBurst { get; set; }
}

namespace Loyalty.Gateway.RateLimits;

/// <summary>Endpoint metadata: the route charges its caller one permit an event of its body, not one a request.</summary>
public sealed class ChargedPerEvent
{
    public static readonly ChargedPerEvent Metadata = new();

    private ChargedPerEvent()
    {
    }
}

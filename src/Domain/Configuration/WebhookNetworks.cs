namespace Loyalty.Domain;

/// <summary>Where webhooks may be aimed: the hosting's choice, passed into validation and checked again at connection.</summary>
public enum WebhookNetworks
{
    /// <summary>Public addresses only: no loopback, link-local, private, unspecified or multicast address, no localhost.</summary>
    PublicOnly,

    /// <summary>Any address (tests, a receiver inside the deployment's own network).</summary>
    PrivateAllowed,
}

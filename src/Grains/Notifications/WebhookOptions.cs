using Loyalty.Client.Hosting;
using Loyalty.Domain;

namespace Loyalty.Grains.Notifications;

/// <summary>Where webhooks may be aimed (section <c>Loyalty:Webhooks</c>); silos check it at configuration and at every connection.</summary>
public sealed class WebhookOptions : ILoyaltyOptions
{
    public static string Section => "Loyalty:Webhooks";

    /// <summary>Lets webhooks reach loopback, link-local and private addresses and localhost: for tests and receivers inside the deployment.</summary>
    public bool AllowPrivateNetworks { get; set; }

    public WebhookNetworks Networks => AllowPrivateNetworks ? WebhookNetworks.PrivateAllowed : WebhookNetworks.PublicOnly;
}

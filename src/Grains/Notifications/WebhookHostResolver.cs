using System.Net;

namespace Loyalty.Grains.Notifications;

/// <summary>Resolves a webhook's host name for <see cref="WebhookConnector"/>; tests stand in their own DNS.</summary>
public class WebhookHostResolver
{
    public virtual Task<IPAddress[]> Resolve(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}

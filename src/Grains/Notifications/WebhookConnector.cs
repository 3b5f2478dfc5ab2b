using System.Net;
using System.Net.Sockets;
using Loyalty.Domain;
using Microsoft.Extensions.Options;

namespace Loyalty.Grains.Notifications;

/// <summary>
/// Opens every connection of the webhook client. A URL checked at configuration can still lead inside: its name
/// may resolve to a private address today, or answer differently a second time (DNS rebinding). So the host is
/// resolved here, every address is checked, and the socket connects to exactly those addresses; a refusal fails
/// the delivery like any network error.
/// </summary>
public sealed class WebhookConnector(WebhookHostResolver resolver, IOptions<WebhookOptions> options, ILogger<WebhookConnector> logger)
{
    public async ValueTask<Stream> Connect(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (host, port) = (context.DnsEndPoint.Host, context.DnsEndPoint.Port);
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await resolver.Resolve(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new IOException($"The webhook host {host} resolved to no address.");
        }

        if (options.Value.Networks == WebhookNetworks.PublicOnly
            && (InternalAddresses.IsInternalHost(host) ? addresses[0] : addresses.FirstOrDefault(InternalAddresses.IsInternal)) is { } inside)
        {
            logger.LogWarning(
                "Refused a webhook connection to {Host}:{Port}: it resolves to {Address}, a loopback, link-local, private, unspecified or multicast address. Set Loyalty:Webhooks:AllowPrivateNetworks to allow it.",
                host, port, inside);
            throw new IOException($"The webhook host {host} resolves to {inside}, which webhooks may not reach.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

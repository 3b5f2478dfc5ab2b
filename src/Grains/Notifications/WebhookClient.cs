using System.Text;
using System.Text.Json;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces.Notifications;
using Polly.Timeout;

namespace Loyalty.Grains.Notifications;

/// <summary>
/// POSTs one signed notification to a webhook, through the named client <see cref="Name"/> that
/// <see cref="WebhookClientRegistration.AddWebhookClient"/> sets up (its timeouts and quick retries).
/// </summary>
public sealed class WebhookClient(IHttpClientFactory clients, [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock)
{
    public const string Name = "webhooks";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>True when the webhook answered 2xx; false for any other answer, a timeout or a network error.</summary>
    public async Task<bool> Deliver(WebhookEndpoint webhook, Notification notification, CancellationToken cancellation = default)
    {
        var body = JsonSerializer.Serialize(notification, Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        var secret = webhook.Secret ?? throw new InvalidOperationException($"Webhook {webhook.Id} was stored without its secret.");
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secret, body, clock.GetUtcNow()));
        request.Headers.Add(WebhookSignature.IdHeader, notification.Id);
        try
        {
            using var response = await clients.CreateClient(Name).SendAsync(request, cancellation);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or OperationCanceledException)
        {
            return false;
        }
    }
}

using System.Text;
using System.Text.Json;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces.Notifications;
using Microsoft.Extensions.Options;

namespace Loyalty.Grains.Notifications;

/// <summary>POSTs one signed notification to a webhook. One per process: its pooled connections are shared.</summary>
public sealed class WebhookClient(IOptions<NotificationOptions> options, [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    // Connections are recycled now and then so a webhook host's DNS change is picked up.
    private readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
    {
        Timeout = options.Value.RequestTimeout,
    };

    /// <summary>True when the webhook answered 2xx; false for any other answer, a timeout or a network error.</summary>
    public async Task<bool> Deliver(WebhookEndpoint webhook, Notification notification)
    {
        var body = JsonSerializer.Serialize(notification, Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(webhook.Secret, body, clock.GetUtcNow()));
        request.Headers.Add(WebhookSignature.IdHeader, notification.Id);
        try
        {
            using var response = await http.SendAsync(request);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => http.Dispose();
}

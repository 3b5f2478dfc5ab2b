using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Loyalty.Grains.Notifications;

/// <summary>
/// The webhook client. Two kinds of retry, one place each: within one delivery, this client's resilience handler
/// rides out a blip (a dropped connection, a 5xx) with quick retries (<see cref="NotificationOptions.QuickRetries"/>) and bounds every attempt by
/// <see cref="NotificationOptions.RequestTimeout"/>; across deliveries, the outbox keeps the notification stored and
/// tries again on its own durable schedule (<see cref="NotificationOptions.RetryDelay"/>), which survives restarts and
/// grows to minutes, as no in-call loop should. Connections are opened by <see cref="WebhookConnector"/>, which
/// refuses addresses inside the deployment unless <see cref="WebhookOptions.AllowPrivateNetworks"/>.
/// </summary>
public static class WebhookClientRegistration
{
    public static IServiceCollection AddWebhookClient(this IServiceCollection services)
    {
        if (services.Any(service => service.ServiceType == typeof(WebhookClient)))
        {
            return services;
        }

        services.TryAddSingleton<WebhookClient>();
        services.TryAddSingleton<WebhookHostResolver>();
        services.TryAddSingleton<WebhookConnector>();
        // The factory renews its handlers every two minutes, so a webhook host's DNS change is picked up.
        services.AddHttpClient(WebhookClient.Name, client => client.Timeout = Timeout.InfiniteTimeSpan) // the handler times attempts
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                ConnectCallback = provider.GetRequiredService<WebhookConnector>().Connect,

                // Through a proxy the proxy's address would be the one checked; a redirect is an answer other than 2xx.
                UseProxy = false,
                AllowAutoRedirect = false,
            })
            .AddResilienceHandler("webhook-delivery", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<NotificationOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.QuickRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    Delay = options.QuickRetryDelay,
                    // A receiver that asks for a pause gets it from the outbox's schedule, not by holding this call.
                    ShouldRetryAfterHeader = false,
                })
                .AddTimeout(options.RequestTimeout);
            });
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Loyalty.Grains.Notifications;

/// <summary>
/// The webhook client. Two kinds of retry, one place each: within one delivery, this client's resilience handler
/// rides out a blip (a dropped connection, a 5xx) with two quick retries and bounds every attempt by
/// <see cref="NotificationOptions.RequestTimeout"/>; across deliveries, the outbox keeps the notification stored and
/// tries again on its own durable schedule (<see cref="NotificationOptions.RetryDelay"/>), which survives restarts and
/// grows to minutes, as no in-call loop should.
/// </summary>
public static class WebhookClientRegistration
{
    private static readonly TimeSpan QuickRetry = TimeSpan.FromMilliseconds(200);

    public static IServiceCollection AddWebhookClient(this IServiceCollection services)
    {
        if (services.Any(service => service.ServiceType == typeof(WebhookClient)))
        {
            return services;
        }

        services.TryAddSingleton<WebhookClient>();
        // The factory renews its handlers every two minutes, so a webhook host's DNS change is picked up.
        services.AddHttpClient(WebhookClient.Name, client => client.Timeout = Timeout.InfiniteTimeSpan) // the handler times attempts
            .AddResilienceHandler("webhook-delivery", (pipeline, context) => pipeline
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 2,
                    BackoffType = DelayBackoffType.Exponential,
                    Delay = QuickRetry,
                    // A receiver that asks for a pause gets it from the outbox's schedule, not by holding this call.
                    ShouldRetryAfterHeader = false,
                })
                .AddTimeout(context.ServiceProvider.GetRequiredService<IOptions<NotificationOptions>>().Value.RequestTimeout));
        return services;
    }
}

using Loyalty.Client.Azure;
using Loyalty.Client.Hosting;
using Loyalty.Client.Ingestion;
using Loyalty.Silo;
using Loyalty.Streaming.Redis;

namespace Loyalty.Gateway.Events;

public static class IngestionBackPressure
{
    /// <summary>
    /// The lag bound of the events route. Embedded: the co-hosted silo registers its tracker as the lag. Redis and Azure: the
    /// gateway reads what the member-event streams or queues hold, since its silos count in other processes.
    /// </summary>
    public static void AddIngestionBackPressure(this WebApplicationBuilder builder, LoyaltyHostingOptions hosting)
    {
        builder.Services.AddLoyaltyOptions<IngestionOptions>();
        if (hosting.IsRedis)
        {
            var streams = new RedisStreamOptions();
            hosting.ConfigureRedisStreams(streams);
            builder.Services.AddSingleton(services => new RedisStreamBacklog(streams, services));
            builder.Services.AddSingleton(services => new PolledIngestionLag(
                services.GetRequiredService<RedisStreamBacklog>().Read,
                services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IngestionOptions>>(),
                services.GetRequiredService<ILogger<PolledIngestionLag>>()));
            builder.Services.AddSingleton<IIngestionLag>(services => services.GetRequiredService<PolledIngestionLag>());
            builder.Services.AddSingleton<IPublicationCounter>(services => services.GetRequiredService<PolledIngestionLag>());
            builder.Services.AddHostedService(services => services.GetRequiredService<PolledIngestionLag>());
        }
        else if (hosting.IsAzure)
        {
            // The queues count messages; the backlog weighs them by what this gateway publishes, which it counts.
            builder.Services.AddSingleton(services => new PolledIngestionLag(
                async () =>
                {
                    var reading = await services.GetRequiredService<AzureQueueBacklog>().Read();
                    return new RedisStreamBacklog.Reading(reading.Events, reading.Oldest);
                },
                services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IngestionOptions>>(),
                services.GetRequiredService<ILogger<PolledIngestionLag>>()));
            builder.Services.AddSingleton(services => new AzureQueueBacklog(
                services.GetRequiredService<LoyaltyAzureStorage>(), hosting, services.GetRequiredService<PolledIngestionLag>()));
            builder.Services.AddSingleton<IIngestionLag>(services => services.GetRequiredService<PolledIngestionLag>());
            builder.Services.AddSingleton<IPublicationCounter>(services => services.GetRequiredService<AzureQueueBacklog>());
            builder.Services.AddHostedService(services => services.GetRequiredService<PolledIngestionLag>());
        }

        builder.Services.AddSingleton<IngestionAdmission>();
        builder.Services.AddHostedService<IngestionLagReporting>();
    }
}

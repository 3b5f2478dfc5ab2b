using Loyalty.Client.Hosting;
using Loyalty.Client.Ingestion;
using Loyalty.Silo;
using Loyalty.Streaming.Redis;

namespace Loyalty.Gateway.Events;

public static class IngestionBackPressure
{
    /// <summary>
    /// The lag bound of the events route. Embedded: the co-hosted silo registers its tracker as the lag. Redis: the gateway reads
    /// the member-event streams' pending counts, since its silos count in other processes.
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

        builder.Services.AddSingleton<IngestionAdmission>();
        builder.Services.AddHostedService<IngestionLagReporting>();
    }
}

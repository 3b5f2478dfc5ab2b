using Loyalty.Client.Hosting;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;

namespace Loyalty.Silo;

/// <summary>
/// The one place a gateway meets the silo project: the embedded profile co-hosts a silo in the gateway's process,
/// the Redis and Azure Storage profiles join the cluster as a client. Everything else the gateway uses is grain interfaces, the
/// domain and the client layer.
/// </summary>
public static class LoyaltyClusterHosting
{
    public static LoyaltyHostingOptions AddLoyaltyCluster(this IHostApplicationBuilder builder)
    {
        builder.Configuration.AddLoyaltyDeploymentSettings();
        var hosting = LoyaltyHostingOptions.From(builder.Configuration);
        if (!hosting.IsEmbedded)
        {
            builder.UseOrleansClient(client => client.AddLoyaltyClient(hosting, builder.Configuration).AddDashboard()); // the page, served from the silos' statistics
        }
        else
        {
            builder.UseOrleans(silo => silo.AddLoyaltySilo(builder.Configuration));
        }

        return hosting;
    }
}

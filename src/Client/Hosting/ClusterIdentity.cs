using Orleans.Configuration;

namespace Loyalty.Client.Hosting;

public static class ClusterIdentity
{
    /// <summary>
    /// The tree is the one source of cluster identity, for silos and clients alike: applied after everything else, so
    /// Kubernetes hosting cannot take another from ORLEANS_SERVICE_ID or ORLEANS_CLUSTER_ID.
    /// </summary>
    public static IServiceCollection AddLoyaltyClusterIdentity(this IServiceCollection services, LoyaltyHostingOptions hosting)
    {
        services.AddLoyaltyOptions<LoyaltyHostingOptions>();
        services.PostConfigure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = hosting.ClusterId;
            cluster.ServiceId = hosting.ServiceId;
        });
        return services;
    }
}

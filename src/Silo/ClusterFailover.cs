using Loyalty.Client.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Loyalty.Silo;

public static class ClusterFailover
{
    /// <summary>Membership of the Redis profile's cluster as <see cref="FailoverOptions"/> say.</summary>
    public static ISiloBuilder AddLoyaltyFailover(this ISiloBuilder silo)
    {
        silo.Services.AddLoyaltyOptions<FailoverOptions>();
        silo.Services.AddOptions<ClusterMembershipOptions>().Configure<IOptions<FailoverOptions>>((membership, failover) =>
        {
            membership.ProbeTimeout = failover.Value.ProbeTimeout;
            membership.NumMissedProbesLimit = failover.Value.MissedProbesLimit;
            membership.NumVotesForDeathDeclaration = failover.Value.VotesForDeathDeclaration;
            membership.TableRefreshTimeout = failover.Value.TableRefreshTimeout;
            membership.DefunctSiloExpiration = failover.Value.DefunctSiloExpiration;
        });
        return silo;
    }
}

using System.ComponentModel.DataAnnotations;

namespace Loyalty.Client.Hosting;

/// <summary>
/// How fast the cluster gives up on a silo (section <c>Loyalty:Failover</c>). The defaults declare a killed silo dead
/// in about 10 s instead of Orleans' 12–15 s or more, so its grains and stream queues move within our 15 s promise;
/// probes stay at Orleans' minimum timeout and three missed probes with two votes ride out a GC pause or a busy core
/// of a 2-core machine without evicting a healthy silo.
/// </summary>
public sealed class FailoverOptions : ILoyaltyOptions
{
    public static string Section => "Loyalty:Failover";

    [Range(typeof(TimeSpan), "00:00:00.500", "00:01:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2.5);

    [Range(1, 10)]
    public int MissedProbesLimit { get; set; } = 3;

    [Range(1, 10)]
    public int VotesForDeathDeclaration { get; set; } = 2;

    /// <summary>How often a silo re-reads the membership table when nothing told it of a change.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan TableRefreshTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a dead silo's membership row is kept before it is removed.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan DefunctSiloExpiration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a gateway waits for a grain call: short, so calls caught by a dying silo fail over quickly.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan ClientResponseTimeout { get; set; } = TimeSpan.FromSeconds(5);
}

using System.ComponentModel.DataAnnotations;
using Loyalty.Client.Hosting;

namespace Loyalty.Gateway.Health;

/// <summary>Readiness checks (section <c>Loyalty:Health</c>).</summary>
public sealed class HealthOptions : ILoyaltyOptions
{
    public static string Section => "Loyalty:Health";

    /// <summary>How long a readiness check waits for the cluster or Redis before it calls the gateway not ready.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(2);
}

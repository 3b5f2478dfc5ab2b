using System.ComponentModel.DataAnnotations;
using Loyalty.Client.Hosting;

namespace Loyalty.Grains.Kpis;

/// <summary>Program KPIs, pre-aggregated from members' changes (section <c>Loyalty:Kpis</c>).</summary>
public sealed class KpiOptions : ILoyaltyOptions
{
    public static string Section => "Loyalty:Kpis";

    /// <summary>Slices of each program's totals; members are spread over them by a stable hash. Fixed for a deployment.</summary>
    [Range(1, 1_024)]
    public int Slices { get; set; } = 8;

    /// <summary>Local days the day-by-day series keeps, counted back from the newest day any member named.</summary>
    [Range(31, 3_660)]
    public int DaysKept { get; set; } = 400;

    /// <summary>
    /// Change ids a slice remembers, to drop a change handed twice. A change older than every id remembered is taken
    /// as applied already: it can only be one a member stored and handed, and hands again after a restart.
    /// </summary>
    [Range(1_000, 10_000_000)]
    public int RecentIdsKept { get; set; } = 50_000;

    /// <summary>The longest a slice remembers a change id, however few arrive.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan RecentIdsFor { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often a slice writes when nobody waits for its writes (in-memory streams), and retries a failed write.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan PersistInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Members wait until their changes are stored by the slice before their turn ends. Needed with a durable event
    /// stream and storage; the embedded profile, where nothing survives a crash anyway, turns it off unless configured.
    /// </summary>
    public bool StoreBeforeAcknowledge { get; set; } = true;
}

using Loyalty.Grains.Interfaces.Kpis;

namespace Loyalty.Grains.Kpis;

/// <summary>A slice as stored: its totals, the change ids it took lately, and the time before which it takes none.</summary>
public sealed class KpiSliceState
{
    public KpiSliceData Totals { get; set; } = new([], [], [], null);

    /// <summary>Oldest first.</summary>
    public List<KpiSeenChange> RecentIds { get; set; } = [];

    /// <summary>The newest creation time among the ids forgotten: a change created before it is not taken again.</summary>
    public DateTimeOffset Horizon { get; set; } = DateTimeOffset.MinValue;
}

public sealed record KpiSeenChange(string Id, DateTimeOffset CreatedAt);

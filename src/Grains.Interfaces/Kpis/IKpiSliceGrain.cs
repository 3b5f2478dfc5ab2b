using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Loyalty.Grains.Interfaces.Kpis;

/// <summary>
/// A slice of a program's KPI totals (key <see cref="GrainKeys.KpiSlice"/>); members are spread over slices by a
/// stable hash and each hands its changes to its own slice.
/// </summary>
public interface IKpiSliceGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies each change once: a repeated id, or a change older than the ids remembered, changes nothing. Completes at
    /// once, or once the changes are stored where events are durable. Interleaves, so waiting for a write holds up nothing.
    /// </summary>
    [AlwaysInterleave]
    Task Apply(ImmutableArray<KpiChangeData> changes);

    [AlwaysInterleave]
    Task<KpiSliceData> Read();
}

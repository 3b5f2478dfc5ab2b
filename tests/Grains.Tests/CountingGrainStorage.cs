using System.Collections.Concurrent;
using Orleans.Storage;

namespace Loyalty.Grains.Tests;

/// <summary>Grain storage that counts each grain's writes, over the storage the cluster really uses.</summary>
public sealed class CountingGrainStorage(IGrainStorage inner) : IGrainStorage
{
    private readonly ConcurrentDictionary<GrainId, int> writes = new();

    public int Writes(GrainId grain) => writes.GetValueOrDefault(grain);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        writes.AddOrUpdate(grainId, 1, (_, n) => n + 1);
        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}

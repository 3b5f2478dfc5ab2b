using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Storage;

namespace Loyalty.Silo.Storage;

/// <summary>
/// The embedded profile's grain storage: states stay in this process, by reference. An embedded silo keeps
/// everything in memory anyway, so serializing a copy per write and sending it to a storage grain (what Orleans'
/// memory storage does) only costs time. Each grain has one activation, the only writer of its state; versions
/// still refuse a write from a second activation. Silos that share one instance share their states, as silos
/// share a database.
/// </summary>
public sealed class InProcessGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), Stored> states = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (states.TryGetValue((stateName, grainId), out var stored))
        {
            grainState.State = (T)stored.State;
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        var written = grainState.ETag is null
            ? states.TryAdd(key, new Stored(grainState.State!, 1))
            : states.TryGetValue(key, out var current) && current.ETag == grainState.ETag
              && states.TryUpdate(key, new Stored(grainState.State!, current.Version + 1), current);
        if (!written)
        {
            throw new InconsistentStateException($"State {stateName} of {grainId} was written by another activation.");
        }

        grainState.ETag = states[key].ETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        if (grainState.ETag is not null
            && !(states.TryGetValue(key, out var current) && current.ETag == grainState.ETag && states.TryRemove(new(key, current))))
        {
            throw new InconsistentStateException($"State {stateName} of {grainId} was written by another activation.");
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private sealed record Stored(object State, long Version)
    {
        public string ETag { get; } = Version.ToString(CultureInfo.InvariantCulture);
    }
}

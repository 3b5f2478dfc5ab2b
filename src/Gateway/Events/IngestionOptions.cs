using System.ComponentModel.DataAnnotations;
using Loyalty.Client.Hosting;

namespace Loyalty.Gateway.Events;

/// <summary>Back-pressure on the events route (section <c>Loyalty:Ingestion</c>).</summary>
public sealed class IngestionOptions : ILoyaltyOptions
{
    public static string Section => "Loyalty:Ingestion";

    /// <summary>
    /// Events answered but not yet applied past which the events route answers 429. A batch that arrives under the
    /// bound is taken whole, so the lag stays within one batch (5,000 events) of it per gateway. 200,000 events is
    /// a few seconds of a silo's work, and at well under a kilobyte an event, bounded memory.
    /// </summary>
    [Range(1, 1_000_000_000)]
    public long MaxLag { get; set; } = 200_000;

    /// <summary>How often a gateway of the Redis profile reads the lag from the streams; requests read the last value.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:05")]
    public TimeSpan LagPollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>What a refused producer is told to wait, in whole seconds.</summary>
    [Range(1, 60)]
    public int RetryAfterSeconds { get; set; } = 1;
}

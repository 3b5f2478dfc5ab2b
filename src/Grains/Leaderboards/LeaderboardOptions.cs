using System.ComponentModel.DataAnnotations;
using Loyalty.Client.Hosting;

namespace Loyalty.Grains.Leaderboards;

/// <summary>
/// How boards are spread, buffered and written (section <c>Loyalty:Leaderboards</c>). Every silo of a cluster must
/// use the same shard count.
/// </summary>
public sealed class LeaderboardOptions : ILoyaltyOptions
{
    public static string Section => "Loyalty:Leaderboards";

    /// <summary>
    /// Shards per board and period. Fixed for the life of a service: members are placed by hash, so a different
    /// count would look for them in the wrong shard.
    /// </summary>
    [Range(1, 1_024)]
    public int Shards { get; set; } = 8;

    /// <summary>
    /// How long a silo collects score updates before forwarding them, newest per member, in one call per shard.
    /// At most 50 ms, so live views stay fresh.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:00.050")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// How often a shard writes its changes when nobody waits for them (in-memory streams), and retries a failed write.
    /// Where members wait for their scores to be stored, a shard writes as soon as no write is in flight instead.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan PersistInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Members wait until their scores are stored before their events are acknowledged. Needed with a durable event
    /// stream; with in-memory streams and storage nothing survives a crash anyway, so waiting would only add latency.
    /// The embedded profile turns it off unless configured.
    /// </summary>
    public bool StoreBeforeAcknowledge { get; set; } = true;
}

namespace Loyalty.Grains.Leaderboards;

/// <summary>
/// How often a board writes its changes. Members wait for that write before their events are acknowledged, so it
/// bounds how long a member is busy after a batch; a durable store wants larger, cheaper groups of updates.
/// </summary>
public sealed class LeaderboardOptions
{
    public TimeSpan PersistInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Members wait until their scores are stored before their events are acknowledged. Needed with a durable event
    /// stream; with in-memory streams and storage nothing survives a crash anyway, so waiting would only add latency.
    /// </summary>
    public bool StoreBeforeAcknowledge { get; set; } = true;
}

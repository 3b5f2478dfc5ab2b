namespace Loyalty.Silo;

/// <summary>Hosting settings, bound from the "Loyalty" configuration section (or LOYALTY__* environment variables).</summary>
public sealed class LoyaltyHostingOptions
{
    public const string Section = "Loyalty";

    /// <summary>"embedded" (default): one process, in-memory storage and streams, localhost clustering.</summary>
    public string Profile { get; set; } = "embedded";

    /// <summary>Queues of the member-events stream; each is pulled by one agent somewhere in the cluster.</summary>
    public int StreamPartitions { get; set; } = 8;

    /// <summary>How often a pulling agent polls its queue: bounds the delay between ingestion and effect.</summary>
    public TimeSpan StreamPollInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Stream items a member grain receives (and persists) in one delivery.</summary>
    public int StreamDeliveryBatchSize { get; set; } = 64;

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;
}

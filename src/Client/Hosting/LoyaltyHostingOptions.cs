using Microsoft.Extensions.Configuration;

namespace Loyalty.Client.Hosting;

/// <summary>Hosting settings, bound from the "Loyalty" configuration section (or LOYALTY__* environment variables).</summary>
public sealed class LoyaltyHostingOptions
{
    public const string Section = "Loyalty";
    public const string EmbeddedProfile = "embedded";
    public const string RedisProfile = "redis";

    /// <summary>
    /// "embedded" (default): one process, in-memory storage and streams, localhost clustering.
    /// "redis": membership, grain state and reminders in Redis, member events on Redis Streams; silos and gateways apart.
    /// </summary>
    public string Profile { get; set; } = EmbeddedProfile;

    /// <summary>StackExchange.Redis configuration of the Redis profile.</summary>
    public string Redis { get; set; } = "127.0.0.1:6379";

    /// <summary>Silos and gateways of one deployment share these; a client with other values is refused.</summary>
    public string ClusterId { get; set; } = "loyalty";

    public string ServiceId { get; set; } = "loyalty";

    /// <summary>
    /// Partitions of every program's member-events stream, and the stream's queues: each is pulled by one agent
    /// somewhere in the cluster. The same on every silo and gateway: it decides which partition a member's events take.
    /// </summary>
    public int StreamPartitions { get; set; } = 8;

    /// <summary>How often a pulling agent polls its queue: bounds the delay between ingestion and effect.</summary>
    public TimeSpan StreamPollInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Stream items a partition grain receives in one delivery; each member of them applies and persists its events once.</summary>
    public int StreamDeliveryBatchSize { get; set; } = 64;

    /// <summary>Running as pods: endpoints, cluster and liveness of peers come from Kubernetes (POD_* variables).</summary>
    public bool Kubernetes { get; set; }

    /// <summary>
    /// How long a gateway answers a resent event "duplicate" from its index. Later resends are answered "accepted"
    /// and still change nothing: members de-duplicate on their own.
    /// </summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Events a second of the busiest program that the Redis duplicate index is sized for (about 15 bytes an id up to
    /// it). A quieter program costs more bytes an id but less in all; a busier one makes Redis use bigger hashes.
    /// </summary>
    public int DuplicateIndexPeakRate { get; set; } = 50_000;

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    public bool IsRedis => string.Equals(Profile, RedisProfile, StringComparison.OrdinalIgnoreCase);

    public static LoyaltyHostingOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<LoyaltyHostingOptions>() ?? new();
        if (!options.IsRedis && !string.Equals(options.Profile, EmbeddedProfile, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Loyalty:Profile must be \"{EmbeddedProfile}\" or \"{RedisProfile}\", not \"{options.Profile}\".");
        }

        if (options.DuplicateWindow < TimeSpan.FromSeconds(1) || options.DuplicateIndexPeakRate < 1)
        {
            throw new InvalidOperationException("Loyalty:DuplicateWindow must be at least 1 second and Loyalty:DuplicateIndexPeakRate at least 1.");
        }

        return options;
    }
}

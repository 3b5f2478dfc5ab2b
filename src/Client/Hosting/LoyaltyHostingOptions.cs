using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Loyalty.Client.Hosting;

/// <summary>
/// The root of the tree (section <c>Loyalty</c>, or <c>Loyalty__*</c> environment variables): what a deployment is
/// and how its processes find each other. Read before services exist, since it decides how the host is built.
/// </summary>
public sealed class LoyaltyHostingOptions : ILoyaltyOptions
{
    public const string EmbeddedProfile = "embedded";
    public const string RedisProfile = "redis";
    public const string AzureProfile = "azure";
    private const string Identifier = "^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$";
    private const string IdentifierRule = "{0} must be 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit (it names Kubernetes labels and Redis keys).";

    public static string Section => "Loyalty";

    /// <summary>
    /// "embedded" (default): one process, in-memory storage and streams, localhost clustering.
    /// "redis": membership, grain state and reminders in Redis, member events on Redis Streams; silos and gateways apart.
    /// "azure": the same on Azure Storage (<c>Loyalty:AzureStorage</c>): tables, and member events on Azure queues.
    /// </summary>
    [RegularExpression("(?i)^(embedded|redis|azure)$", ErrorMessage = "{0} must be \"embedded\", \"redis\" or \"azure\".")]
    public string Profile { get; set; } = EmbeddedProfile;

    /// <summary>StackExchange.Redis configuration of the Redis profile.</summary>
    [Required]
    public string Redis { get; set; } = "127.0.0.1:6379";

    /// <summary>How long a call to Redis of ours may take before it fails; a process never waits on Redis longer.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan RedisCallTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Silos and gateways of one deployment share these; a client with other values is refused.</summary>
    [Required, RegularExpression(Identifier, ErrorMessage = IdentifierRule)]
    public string ClusterId { get; set; } = "loyalty";

    /// <summary>Also the prefix of every Redis key, Azure table and queue of the deployment: fixed once data exists.</summary>
    [Required, RegularExpression(Identifier, ErrorMessage = IdentifierRule)]
    public string ServiceId { get; set; } = "loyalty";

    [Range(1, 65_535)]
    public int SiloPort { get; set; } = 11111;

    [Range(1, 65_535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Running as pods: endpoints and liveness of peers come from Kubernetes (POD_* variables).</summary>
    public bool Kubernetes { get; set; }

    /// <summary>Configure the "demo" program at start when it does not exist.</summary>
    public bool SeedDemoProgram { get; set; } = true;

    /// <summary>
    /// Partitions of every program's member-events stream, and the stream's queues: each is pulled by one agent
    /// somewhere in the cluster. The same on every silo and gateway: it decides which partition a member's events take.
    /// </summary>
    [Range(1, 256)]
    public int StreamPartitions { get; set; } = 8;

    /// <summary>How often a pulling agent polls its queue: bounds the delay between ingestion and effect.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan StreamPollInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Stream items a partition grain receives in one delivery; each member of them applies and persists its events once.</summary>
    [Range(1, 10_000)]
    public int StreamDeliveryBatchSize { get; set; } = 64;

    /// <summary>
    /// How long a gateway answers a resent event "duplicate" from its index. Later resends are answered "accepted"
    /// and still change nothing: members de-duplicate on their own.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Events a second of the busiest program that the Redis duplicate index is sized for (about 15 bytes an id up to
    /// it). A quieter program costs more bytes an id but less in all; a busier one makes Redis use bigger hashes.
    /// </summary>
    [Range(1, 10_000_000)]
    public int DuplicateIndexPeakRate { get; set; } = 50_000;

    /// <summary>Event ids the embedded profile's in-memory duplicate index holds at most; past it the oldest are forgotten early.</summary>
    [Range(1_000, 100_000_000)]
    public int DuplicateIndexCapacity { get; set; } = 2_000_000;

    public bool IsRedis => string.Equals(Profile, RedisProfile, StringComparison.OrdinalIgnoreCase);

    public bool IsAzure => string.Equals(Profile, AzureProfile, StringComparison.OrdinalIgnoreCase);

    /// <summary>One process, nothing durable; every other profile runs silos and gateways apart on a durable store.</summary>
    public bool IsEmbedded => !IsRedis && !IsAzure;

    /// <summary>The root section, checked: a bad value stops the process before anything is built.</summary>
    public static LoyaltyHostingOptions From(IConfiguration configuration) =>
        LoyaltyOptionsValidator<LoyaltyHostingOptions>.Checked(configuration.GetSection(Section).Get<LoyaltyHostingOptions>() ?? new());
}

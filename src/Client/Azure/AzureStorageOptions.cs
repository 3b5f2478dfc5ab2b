using System.ComponentModel.DataAnnotations;
using Loyalty.Client.Hosting;
using Microsoft.Extensions.Configuration;

namespace Loyalty.Client.Azure;

/// <summary>
/// Where the Azure Storage profile keeps everything (section <c>Loyalty:AzureStorage</c>): a connection string (an
/// account key or Azurite), or the account's table and queue service URIs, reached as the process's
/// <c>DefaultAzureCredential</c> (workload or managed identity) with no secret in configuration.
/// </summary>
public sealed class AzureStorageOptions : ILoyaltyOptions, IValidatableObject
{
    /// <summary>What the Azure SDK reads as Azurite on its default loopback ports.</summary>
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    public static string Section => "Loyalty:AzureStorage";

    /// <summary>Used unless both service URIs are set.</summary>
    public string ConnectionString { get; set; } = DevelopmentStorage;

    /// <summary>e.g. https://account.table.core.windows.net; with <see cref="QueueServiceUri"/>, reached with DefaultAzureCredential.</summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>e.g. https://account.queue.core.windows.net.</summary>
    public Uri? QueueServiceUri { get; set; }

    /// <summary>How long one try of a storage call may take before it fails; a failed try is retried once, 100 ms later.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a member-event message read by a silo stays invisible to others: a message whose silo died comes back
    /// after it, and a delivery must be acknowledged within it or the message is delivered again (applied once).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan QueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Queue messages one partition's silo holds read and not yet delivered; together they must be delivered within <see cref="QueueVisibilityTimeout"/>.</summary>
    [Range(16, 100_000)]
    public int QueueCacheSize { get; set; } = 512;

    /// <summary>
    /// How often each member-event queue is read when it was found empty (in place of <c>Loyalty:StreamPollInterval</c>):
    /// every read is a billed storage transaction, and an emulator serves them from one thread.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The most member events one queue message carries: a message holds at most 64 KiB, and a gateway splits a
    /// partition's events over as many messages as this asks (an event with hundreds of lines needs a lower value).
    /// </summary>
    [Range(1, 5_000)]
    public int EventsPerMessage { get; set; } = 100;

    /// <summary>
    /// Table partitions a program's event ids are spread over in the duplicate index. Azure serves about 2,000 entity
    /// writes/s a partition and every event costs two (claim, confirmation): 8 partitions take 8,000 events/s a program.
    /// </summary>
    [Range(1, 1024)]
    public int DuplicateIndexPartitions { get; set; } = 8;

    public bool UsesServiceUris => TableServiceUri is not null && QueueServiceUri is not null;

    public static AzureStorageOptions From(IConfiguration configuration) =>
        LoyaltyOptionsValidator<AzureStorageOptions>.Checked(configuration.GetSection(Section).Get<AzureStorageOptions>() ?? new());

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if ((TableServiceUri is null) != (QueueServiceUri is null))
        {
            yield return new ValidationResult($"{Section}:TableServiceUri and {Section}:QueueServiceUri are set together or not at all.");
        }
        else if (!UsesServiceUris && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult($"{Section}:ConnectionString is required unless both service URIs are set.");
        }
    }
}

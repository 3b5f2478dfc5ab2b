using System.ComponentModel.DataAnnotations;
using Loyalty.Client.Hosting;

namespace Loyalty.Grains.Notifications;

/// <summary>Webhook delivery (section <c>Loyalty:Notifications</c>).</summary>
public sealed class NotificationOptions : ILoyaltyOptions, IValidatableObject
{
    public static string Section => "Loyalty:Notifications";

    /// <summary>Outbox grains per program; members are spread over them by a stable hash. Fixed for a deployment.</summary>
    [Range(1, 1_024)]
    public int Slices { get; set; } = 8;

    /// <summary>The wait after a first failed delivery; it doubles with each failure in a row, up to <see cref="MaxBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest one attempt of a delivery may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries within one delivery, for a blip (a dropped connection, a 5xx); the outbox's schedule does the rest.</summary>
    [Range(1, 10)]
    public int QuickRetries { get; set; } = 2;

    /// <summary>The wait before the first quick retry; it doubles for the next.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10")]
    public TimeSpan QuickRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How often an active outbox looks for webhooks whose rest is over: the most a delivery waits beyond it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan DeliveryTick { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Notifications kept per webhook while it fails; beyond this the oldest are dropped, with a warning.</summary>
    [Range(1, 10_000_000)]
    public int MaxQueued { get; set; } = 100_000;

    /// <summary>Notification ids an outbox remembers to drop a repeated enqueue (a member retrying its turn).</summary>
    [Range(1, 10_000_000)]
    public int RecentIdsKept { get; set; } = 20_000;

    /// <summary>The outbox's schedule: how long a webhook rests after <paramref name="failuresInARow"/> failed deliveries.</summary>
    public TimeSpan RetryDelay(int failuresInARow) => RetryDelays.Doubling(InitialBackoff, MaxBackoff, failuresInARow - 1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        SettingOrder.AtLeast(Section, (nameof(MaxBackoff), MaxBackoff), (nameof(InitialBackoff), InitialBackoff));
}

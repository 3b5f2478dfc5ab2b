namespace Loyalty.Grains.Notifications;

/// <summary>Webhook delivery (configuration section <c>Loyalty:Notifications</c>).</summary>
public sealed class NotificationOptions
{
    /// <summary>Outbox grains per program; members are spread over them by a stable hash. Fixed for a deployment.</summary>
    public int Slices { get; set; } = 8;

    /// <summary>The wait after a first failed delivery; it doubles with each failure in a row, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest one attempt of a delivery may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Notifications kept per webhook while it fails; beyond this the oldest are dropped, with a warning.</summary>
    public int MaxQueued { get; set; } = 100_000;

    /// <summary>The outbox's schedule: how long a webhook rests after <paramref name="failuresInARow"/> failed deliveries.</summary>
    public TimeSpan RetryDelay(int failuresInARow) => RetryDelays.Doubling(InitialBackoff, MaxBackoff, failuresInARow - 1);
}

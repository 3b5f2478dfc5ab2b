namespace Loyalty.Client.Ingestion;

/// <summary>
/// The duplicate window cut into <see cref="PerWindow"/> time buckets. An id is written into the bucket of its
/// confirmation and looked up in the <see cref="LookedUp"/> newest ones, which hold every id younger than the window.
/// A bucket is dropped whole once its newest id is older than the window, so ids live between the window and the
/// window plus one bucket: memory is rate × window × (1 + 1/<see cref="PerWindow"/>) × bytes an id.
/// </summary>
public sealed class EventIdBuckets
{
    /// <summary>More buckets keep ids closer to the window, but every new id is looked up in each of them.</summary>
    public const int PerWindow = 8;

    public EventIdBuckets(TimeSpan window)
    {
        if (window < TimeSpan.FromMilliseconds(PerWindow))
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, $"The duplicate window must be at least {PerWindow} ms.");
        }

        Window = window;
        LengthMs = (long)window.TotalMilliseconds / PerWindow;
    }

    public TimeSpan Window { get; }

    public long LengthMs { get; }

    public int LookedUp => PerWindow + 1;

    public long Current(DateTimeOffset now) => now.ToUnixTimeMilliseconds() / LengthMs;

    /// <summary>Unix milliseconds after which the bucket holds no id younger than the window.</summary>
    public long ExpiresAtMs(long bucket) => (bucket + 1) * LengthMs + (long)Window.TotalMilliseconds;

    /// <summary>Whether the bucket can still hold an id younger than the window.</summary>
    public bool IsLive(long bucket, long current) => bucket > current - LookedUp;
}

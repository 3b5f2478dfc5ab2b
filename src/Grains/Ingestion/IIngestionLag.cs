namespace Loyalty.Grains.Ingestion;

/// <summary>Events answered but not yet applied by their members, and how long the oldest of them has waited.</summary>
public readonly record struct IngestionLag(long Events, TimeSpan OldestAge)
{
    public static readonly IngestionLag None = new(0, TimeSpan.Zero);
}

/// <summary>The cluster's ingestion lag as this process sees it. Cheap to read: the events route reads it on every request.</summary>
public interface IIngestionLag
{
    IngestionLag Current { get; }

    /// <summary>
    /// Events this process has just published (their publication complete). A lag read from elsewhere now and then
    /// counts them itself until a reading taken after this call includes them; one counted as it goes ignores this.
    /// </summary>
    void PublishedHere(long events)
    {
    }
}

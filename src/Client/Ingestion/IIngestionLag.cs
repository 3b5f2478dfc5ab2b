namespace Loyalty.Client.Ingestion;

/// <summary>Events answered but not yet applied by their members, and how long the oldest of them has waited.</summary>
public readonly record struct IngestionLag(long Events, TimeSpan OldestAge)
{
    public static readonly IngestionLag None = new(0, TimeSpan.Zero);
}

/// <summary>The cluster's ingestion lag as this process sees it. Cheap to read: the events route reads it on every request.</summary>
public interface IIngestionLag
{
    IngestionLag Current { get; }}

/// <summary>What the publisher tells the lag about each stream item it publishes, by the item's publication time.</summary>
public interface IPublicationCounter
{
    /// <summary>Before the item is published: a memory stream may deliver it before publishing returns.</summary>
    void Publishing(int events, DateTimeOffset publishedAt);

    /// <summary>The stream has the item.</summary>
    void Published(int events, DateTimeOffset publishedAt);

    /// <summary>The item could not be published.</summary>
    void Withdrawn(int events, DateTimeOffset publishedAt);
}

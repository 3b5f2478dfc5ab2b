using Azure.Storage.Queues;
using Loyalty.Client.Hosting;
using Loyalty.Client.Ingestion;

namespace Loyalty.Client.Azure;

/// <summary>
/// What the member-event queues hold and have not delivered, for the gateway's lag bound. Azure counts messages, not
/// events (<c>ApproximateMessagesCount</c>, which includes messages a silo is delivering), so messages are weighed by
/// the mean events per message this gateway published; the oldest visible message of each queue dates the backlog.
/// Counts publications on their way to <paramref name="next"/>, which it wraps.
/// </summary>
public sealed class AzureQueueBacklog(LoyaltyAzureStorage storage, LoyaltyHostingOptions hosting, IPublicationCounter next) : IPublicationCounter
{
    private readonly QueueClient[] queues = [.. Enumerable.Range(0, hosting.StreamPartitions)
        .Select(partition => storage.Queues.GetQueueClient(AzureNames.Queue(hosting.ServiceId, partition)))];

    private long messages;
    private long events;

    public readonly record struct Reading(long Events, DateTimeOffset? Oldest);

    /// <summary>Events per message so far; one until this gateway has published.</summary>
    public double EventsPerMessage => Interlocked.Read(ref messages) is > 0 and var sent ? (double)Interlocked.Read(ref events) / sent : 1;

    public async Task<Reading> Read()
    {
        var counts = queues.Select(queue => queue.GetPropertiesAsync()).ToArray();
        var firsts = queues.Select(queue => queue.PeekMessagesAsync(1)).ToArray();
        await Task.WhenAll(counts);
        await Task.WhenAll(firsts);
        var waiting = counts.Sum(count => (long)count.Result.Value.ApproximateMessagesCount);
        var oldest = firsts.SelectMany(first => first.Result.Value).Select(message => message.InsertedOn).Min();
        return new Reading((long)Math.Round(waiting * EventsPerMessage), oldest);
    }

    public void Publishing(int events, DateTimeOffset publishedAt) => next.Publishing(events, publishedAt);

    public void Published(int events, DateTimeOffset publishedAt)
    {
        Interlocked.Increment(ref messages);
        Interlocked.Add(ref this.events, events);
        next.Published(events, publishedAt);
    }

    public void Withdrawn(int events, DateTimeOffset publishedAt) => next.Withdrawn(events, publishedAt);
}

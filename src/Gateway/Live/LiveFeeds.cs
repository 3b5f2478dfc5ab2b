using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Loyalty.Gateway.Live;

/// <summary>The gateway's live feeds, one per distinct key however many connections watch it.</summary>
public sealed class LiveFeeds(ILogger<LiveFeeds> logger)
{
    private readonly ConcurrentDictionary<string, LiveFeed> feeds = new(StringComparer.Ordinal);

    public int Count => feeds.Count;

    public (ChannelReader<LiveMessage> Messages, IDisposable Subscription) Subscribe(
        string key, TimeSpan interval, Func<CancellationToken, Task<LiveMessage?>> read)
    {
        while (true)
        {
            var feed = feeds.GetOrAdd(key, k => new LiveFeed(k, interval, read, RemoveStopped, logger));
            if (feed.TrySubscribe(out var messages, out var subscription))
            {
                return (messages, subscription);
            }

            RemoveStopped(feed); // stopped between lookup and subscription: make way for a fresh one
        }
    }

    private void RemoveStopped(LiveFeed feed) => feeds.TryRemove(new KeyValuePair<string, LiveFeed>(feed.Key, feed));
}

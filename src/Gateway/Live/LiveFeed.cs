using System.Threading.Channels;

namespace Loyalty.Gateway.Live;

/// <summary>
/// One shared poller per distinct feed (a board view, a member): it reads every <see cref="Interval"/>, and when the
/// message changed hands it to every subscriber. A subscriber holds only the newest message, so a slow connection
/// skips stale ones instead of queueing them. The poller stops when its last subscriber leaves.
/// </summary>
public sealed class LiveFeed
{
    private readonly Func<CancellationToken, Task<LiveMessage?>> read;
    private readonly Action<LiveFeed> stopped;
    private readonly ILogger logger;
    private readonly HashSet<Channel<LiveMessage>> subscribers = [];
    private readonly CancellationTokenSource stopping = new();
    private LiveMessage? latest;

    public LiveFeed(string key, TimeSpan interval, Func<CancellationToken, Task<LiveMessage?>> read, Action<LiveFeed> stopped, ILogger logger)
    {
        Key = key;
        Interval = interval;
        this.read = read;
        this.stopped = stopped;
        this.logger = logger;
        _ = Task.Run(Poll);
    }

    public string Key { get; }

    public TimeSpan Interval { get; }

    /// <summary>False when the feed has already stopped: the caller asks its hub for a new one.</summary>
    public bool TrySubscribe(out ChannelReader<LiveMessage> messages, out IDisposable subscription)
    {
        var channel = Channel.CreateBounded<LiveMessage>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        messages = channel.Reader;
        subscription = new Subscription(this, channel);
        lock (subscribers)
        {
            if (stopping.IsCancellationRequested)
            {
                return false;
            }

            subscribers.Add(channel);
            if (latest is not null)
            {
                channel.Writer.TryWrite(latest);
            }
        }

        return true;
    }

    private void Unsubscribe(Channel<LiveMessage> channel)
    {
        lock (subscribers)
        {
            subscribers.Remove(channel);
            if (subscribers.Count == 0)
            {
                stopping.Cancel();
                stopped(this);
            }
        }
    }

    private async Task Poll()
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                var message = await read(stopping.Token);
                if (message is not null && message != latest)
                {
                    Publish(message);
                }
            }
            catch (Exception e) when (!stopping.IsCancellationRequested)
            {
                // The cluster is briefly unreachable: subscribers keep their last view and the next read retries.
                logger.LogDebug(e, "Reading live feed {Key} failed", Key);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        while (await WaitNext(timer));
    }

    private async Task<bool> WaitNext(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Publish(LiveMessage message)
    {
        lock (subscribers)
        {
            latest = message;
            foreach (var subscriber in subscribers)
            {
                subscriber.Writer.TryWrite(message);
            }
        }
    }

    private sealed class Subscription(LiveFeed feed, Channel<LiveMessage> channel) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(channel);
    }
}

/// <summary>One Server-Sent Event: its name and its JSON data. Equal messages are not sent twice.</summary>
public sealed record LiveMessage(string Event, string Data);

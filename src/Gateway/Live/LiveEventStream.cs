using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Loyalty.Gateway.Live;

/// <summary>
/// Streams a feed to one connection as Server-Sent Events through <c>TypedResults.ServerSentEvents</c>:
/// at most one message per <c>minSpacing</c> (later changes meanwhile are coalesced into the newest), and a
/// <see cref="KeepAliveEvent"/> event after <see cref="Heartbeat"/> of silence so proxies keep the connection open.
/// </summary>
public static class LiveEventStream
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The heartbeat's event name. SSE comments cannot be written through <see cref="SseItem{T}"/>; an event with a
    /// name no page listens for is passed over by EventSource just the same.
    /// </summary>
    public const string KeepAliveEvent = "keepalive";

    private static readonly SseItem<string> KeepAlive = new(string.Empty, KeepAliveEvent);

    /// <summary>Subscribes when the stream starts and leaves when the client does; a HEAD request gets the headers only, and no feed.</summary>
    public static IResult Serve(
        HttpContext context, TimeSpan minSpacing, Func<(ChannelReader<LiveMessage> Messages, IDisposable Subscription)> subscribe)
    {
        // Proxies that buffer responses (nginx) would hold the events back.
        context.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(HttpMethods.IsHead(context.Request.Method)
            ? AsyncEnumerable.Empty<SseItem<string>>()
            : Items(subscribe, minSpacing, context.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<string>> Items(
        Func<(ChannelReader<LiveMessage> Messages, IDisposable Subscription)> subscribe, TimeSpan minSpacing,
        [EnumeratorCancellation] CancellationToken aborted)
    {
        var (messages, subscription) = subscribe();
        using (subscription)
        {
            while (await Next(messages, aborted) is { } item)
            {
                yield return item;
                if (item.EventType != KeepAliveEvent)
                {
                    await Task.Delay(minSpacing, aborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }
        }
    }

    /// <summary>The next message, a keep-alive after <see cref="Heartbeat"/> of silence, or null once the client has gone.</summary>
    private static async Task<SseItem<string>?> Next(ChannelReader<LiveMessage> messages, CancellationToken aborted)
    {
        using var beat = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        beat.CancelAfter(Heartbeat);
        try
        {
            var message = await messages.ReadAsync(beat.Token);
            return new SseItem<string>(message.Data, message.Event);
        }
        catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
        {
            return KeepAlive;
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            return null;
        }
    }
}

using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Loyalty.Gateway.Live;

/// <summary>
/// Streams a feed to one connection as Server-Sent Events through <c>TypedResults.ServerSentEvents</c>:
/// at most one message per <see cref="LiveOptions.MinSpacing"/> (later changes meanwhile are coalesced into the
/// newest), and a <see cref="KeepAliveEvent"/> event after <see cref="LiveOptions.Heartbeat"/> of silence so proxies
/// keep the connection open.
/// </summary>
public static class LiveEventStream
{
    /// <summary>
    /// The heartbeat's event name. SSE comments cannot be written through <see cref="SseItem{T}"/>; an event with a
    /// name no page listens for is passed over by EventSource just the same.
    /// </summary>
    public const string KeepAliveEvent = "keepalive";

    private static readonly SseItem<string> KeepAlive = new(string.Empty, KeepAliveEvent);

    /// <summary>Subscribes when the stream starts and leaves when the client does; a HEAD request gets the headers only, and no feed.</summary>
    public static IResult Serve(
        HttpContext context, LiveOptions options, Func<(ChannelReader<LiveMessage> Messages, IDisposable Subscription)> subscribe)
    {
        // Proxies that buffer responses (nginx) would hold the events back.
        context.Response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(HttpMethods.IsHead(context.Request.Method)
            ? AsyncEnumerable.Empty<SseItem<string>>()
            : Items(subscribe, options.MinSpacing, options.Heartbeat, context.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<string>> Items(
        Func<(ChannelReader<LiveMessage> Messages, IDisposable Subscription)> subscribe, TimeSpan minSpacing, TimeSpan heartbeat,
        [EnumeratorCancellation] CancellationToken aborted)
    {
        var (messages, subscription) = subscribe();
        using (subscription)
        {
            while (await Next(messages, heartbeat, aborted) is { } item)
            {
                yield return item;
                if (item.EventType != KeepAliveEvent)
                {
                    await Task.Delay(minSpacing, aborted).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }
        }
    }

    /// <summary>The next message, a keep-alive after <paramref name="heartbeat"/> of silence, or null once the client has gone.</summary>
    private static async Task<SseItem<string>?> Next(ChannelReader<LiveMessage> messages, TimeSpan heartbeat, CancellationToken aborted)
    {
        using var beat = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        beat.CancelAfter(heartbeat);
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

using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Features;

namespace Loyalty.Gateway.Live;

/// <summary>
/// Writes a feed to one connection as Server-Sent Events: at most one message per <c>minSpacing</c> (later
/// changes meanwhile are coalesced into the newest), and a comment every 15 s so proxies keep the connection open.
/// </summary>
public static class ServerSentEvents
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    /// <summary>Subscribes and streams until the client leaves; a HEAD request gets the headers only, and no feed.</summary>
    public static async Task<IResult> Serve(
        HttpContext context, TimeSpan minSpacing, Func<(ChannelReader<LiveMessage> Messages, IDisposable Subscription)> subscribe)
    {
        if (HttpMethods.IsHead(context.Request.Method))
        {
            WriteHeaders(context.Response);
            return Results.Empty;
        }

        var (messages, subscription) = subscribe();
        using (subscription)
        {
            await Stream(context, messages, minSpacing);
        }

        return Results.Empty;
    }

    private static async Task Stream(HttpContext context, ChannelReader<LiveMessage> messages, TimeSpan minSpacing)
    {
        var response = context.Response;
        var aborted = context.RequestAborted;
        WriteHeaders(response);
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.Body.FlushAsync(aborted);

        try
        {
            while (!aborted.IsCancellationRequested)
            {
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(aborted);
                beat.CancelAfter(Heartbeat);
                LiveMessage message;
                try
                {
                    message = await messages.ReadAsync(beat.Token);
                }
                catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
                {
                    await response.WriteAsync(": keepalive\n\n", aborted);
                    await response.Body.FlushAsync(aborted);
                    continue;
                }

                await response.WriteAsync($"event: {message.Event}\ndata: {message.Data}\n\n", aborted);
                await response.Body.FlushAsync(aborted);
                await Task.Delay(minSpacing, aborted);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (ChannelClosedException)
        {
        }
    }

    private static void WriteHeaders(HttpResponse response)
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
    }
}

using System.Net.ServerSentEvents;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Loyalty.Tests.Shared;

/// <summary>Reads a Server-Sent Events response with <see cref="SseParser"/>, into a channel of events.</summary>
public sealed class SseClient : IAsyncDisposable
{
    private readonly HttpResponseMessage response;
    private readonly CancellationTokenSource stop = new();
    private readonly Channel<SseEvent> events = Channel.CreateUnbounded<SseEvent>();
    private readonly Task reading;

    private SseClient(HttpResponseMessage response)
    {
        this.response = response;
        reading = Task.Run(Read);
    }

    public static async Task<SseClient> Connect(HttpClient client, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/event-stream");
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new SseClient(response);
    }

    /// <summary>The next event that satisfies <paramref name="match"/>, skipping others; fails after the deadline.</summary>
    public async Task<SseEvent> Next(Func<SseEvent, bool>? match = null, TimeSpan? deadline = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(deadline ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var next = await events.Reader.ReadAsync(timeout.Token);
            if (match is null || match(next))
            {
                return next;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        response.Dispose();
        try
        {
            await reading;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
    }

    private async Task Read()
    {
        await using var stream = await response.Content.ReadAsStreamAsync(stop.Token);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(stop.Token))
        {
            // A page has no listener for the heartbeat, so EventSource passes it over.
            if (item.EventType != "keepalive")
            {
                events.Writer.TryWrite(new SseEvent(item.EventType, JsonNode.Parse(item.Data)!, DateTime.UtcNow));
            }
        }
    }
}

public sealed record SseEvent(string Name, JsonNode Data, DateTime ReceivedAt);

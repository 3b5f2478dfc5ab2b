using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Loyalty.Tests.Shared;

/// <summary>Reads a Server-Sent Events response the way a browser's EventSource does, into a channel of events.</summary>
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
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
        string? name = null;
        var data = new List<string>();
        while (await reader.ReadLineAsync(stop.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    events.Writer.TryWrite(new SseEvent(name ?? "message", JsonNode.Parse(string.Join("\n", data))!, DateTime.UtcNow));
                }

                (name, data) = (null, []);
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Add(line["data: ".Length..]);
            }
        }
    }
}

public sealed record SseEvent(string Name, JsonNode Data, DateTime ReceivedAt);

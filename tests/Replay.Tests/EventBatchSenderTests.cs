using System.Text.Json;
using Loyalty.Replay.Data;
using Loyalty.Replay.Sending;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Loyalty.Replay.Tests;

public sealed class EventBatchSenderTests
{
    private static readonly ReplayEvent[] Events =
    [
        new("purchase", "a", "m1", DateTimeOffset.UnixEpoch, 100, "GBP"),
        new("purchase", "b", "m2", DateTimeOffset.UnixEpoch, 200, "GBP"),
    ];

    [Fact]
    public async Task An_unavailable_gateway_is_retried_and_stored_events_count_once()
    {
        var calls = 0;
        await using var app = await FakeGateway.Start(async context =>
        {
            var items = await JsonSerializer.DeserializeAsync<JsonElement[]>(context.Request.Body);
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "0";
                return;
            }

            // The first attempt had stored everything: the retry hears "duplicate".
            var results = items!.Select(i => new { eventId = i.GetProperty("eventId").GetString(), status = "duplicate" });
            await context.Response.WriteAsJsonAsync(new { accepted = 0, duplicates = items!.Length, rejected = 0, results });
        });
        var sender = new EventBatchSender(app.Client, new SenderOptions { Concurrency = 1, BatchSize = 10, InitialBackoff = TimeSpan.FromMilliseconds(1) });

        var summary = await sender.SendAsync("demo", Events, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, calls);
        Assert.Equal((2, 2, 0, 0, 1), (summary.Sent, summary.Accepted, summary.Duplicates, summary.Rejected, summary.Retries));
        Assert.True(summary.Clean);
    }

    [Fact]
    public async Task A_retry_waits_as_long_as_Retry_After_asks_though_the_backoff_is_shorter()
    {
        var calls = new List<DateTime>();
        await using var app = await FakeGateway.Start(async context =>
        {
            var items = await JsonSerializer.DeserializeAsync<JsonElement[]>(context.Request.Body);
            lock (calls)
            {
                calls.Add(DateTime.UtcNow);
                if (calls.Count == 1)
                {
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    context.Response.Headers.RetryAfter = "1";
                    return;
                }
            }

            var results = items!.Select(i => new { eventId = i.GetProperty("eventId").GetString(), status = "accepted" });
            await context.Response.WriteAsJsonAsync(new { accepted = items!.Length, duplicates = 0, rejected = 0, results });
        });
        var sender = new EventBatchSender(app.Client, new SenderOptions { Concurrency = 1, InitialBackoff = TimeSpan.FromMilliseconds(1) });

        var summary = await sender.SendAsync("demo", Events, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal((2, 1), (summary.Accepted, summary.Retries));
        Assert.True(calls[1] - calls[0] >= TimeSpan.FromMilliseconds(950), $"retried after {(calls[1] - calls[0]).TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task A_batch_still_unavailable_when_its_retry_time_is_up_is_reported_with_the_last_answer()
    {
        await using var app = await FakeGateway.Start(context =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });
        var sender = new EventBatchSender(app.Client, new SenderOptions
        {
            Concurrency = 1, RetryFor = TimeSpan.FromMilliseconds(300), InitialBackoff = TimeSpan.FromMilliseconds(10), MaxBackoff = TimeSpan.FromMilliseconds(50),
        });

        var summary = await sender.SendAsync("demo", Events, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, summary.FailedBatches);
        Assert.True(summary.Retries >= 2, $"{summary.Retries} retries");
        Assert.Matches("^gave up after [0-9]+ attempts: HTTP 503$", Assert.Single(summary.Errors));
    }

    [Fact]
    public async Task A_refused_batch_is_not_retried_and_is_reported()
    {
        var calls = 0;
        await using var app = await FakeGateway.Start(context =>
        {
            Interlocked.Increment(ref calls);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        var sender = new EventBatchSender(app.Client, new SenderOptions { Concurrency = 1 });

        var summary = await sender.SendAsync("nope", Events, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, calls);
        Assert.Equal(1, summary.FailedBatches);
        Assert.False(summary.Clean);
    }

    /// <summary>A minimal Kestrel app on loopback standing in for the gateway's events route.</summary>
    private sealed class FakeGateway(WebApplication app, HttpClient client) : IAsyncDisposable
    {
        public HttpClient Client { get; } = client;

        public static async Task<FakeGateway> Start(RequestDelegate events)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            app.MapPost("/v1/programs/{programId}/events", events);
            await app.StartAsync();
            return new FakeGateway(app, new HttpClient { BaseAddress = new Uri(app.Urls.First() + "/") });
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await app.DisposeAsync();
        }
    }
}

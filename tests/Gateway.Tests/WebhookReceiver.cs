using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Loyalty.Grains.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Loyalty.Gateway.Tests;

/// <summary>
/// A webhook receiver on loopback, written as a user would: it checks every signature, answers 500 to a share of
/// requests (deterministically, by a seeded random), and keeps each notification once by its id, in arrival order.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Random failures;
    private readonly object gate = new();

    private WebhookReceiver(WebApplication app, int failurePercent, int seed)
    {
        this.app = app;
        FailurePercent = failurePercent;
        failures = new Random(seed);
        app.MapPost("/hook", async (HttpContext context) =>
        {
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            if (!WebhookSignature.Verify(Secret, context.Request.Headers[WebhookSignature.Header], body, TestClock.UtcNow, TimeSpan.FromMinutes(5)))
            {
                BadSignatures++;
                return Results.Unauthorized();
            }

            lock (gate)
            {
                Requests++;
                if (failures.Next(100) < FailurePercent)
                {
                    return Results.StatusCode(500);
                }
            }

            var notification = JsonNode.Parse(body)!.AsObject();
            var id = context.Request.Headers[WebhookSignature.IdHeader].ToString();
            Assert.Equal(notification["id"]!.GetValue<string>(), id);
            if (Received.TryAdd(id, notification))
            {
                Arrivals.Enqueue(id);
            }

            return Results.Ok();
        });
    }

    public const string Secret = "whsec-0123456789abcdef";

    /// <summary>The share of signed requests answered 500; may change while the receiver runs.</summary>
    public int FailurePercent { get; set; }

    public ConcurrentDictionary<string, JsonObject> Received { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Arrivals { get; } = new();

    public int Requests { get; private set; }

    public int BadSignatures { get; private set; }

    public string Url => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";

    public static async Task<WebhookReceiver> Start(int failurePercent, int seed = 7)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiver(builder.Build(), failurePercent, seed);
        await receiver.app.StartAsync(TestContext.Current.CancellationToken);
        return receiver;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

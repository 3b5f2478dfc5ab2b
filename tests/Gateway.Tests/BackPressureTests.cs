using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Loyalty.Grains.Ingestion;
using Loyalty.Client.Ingestion;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Gateway.Tests;

/// <summary>
/// Overload on a gateway of its own with a small lag bound: for 30 s producers offer at least three times what the
/// silo applies, the lag stays within one batch of the bound, the heap grows only by what accepted events keep,
/// refusals are 429 with Retry-After, and what was answered 200 is applied exactly once while nothing refused is.
/// </summary>
public sealed class BackPressureTests
{
    private const int MaxLag = 2_000;
    private const int BatchSize = 500;
    private const int Members = 100;
    private const int Producers = 8;

    private static readonly TimeSpan Offering = TimeSpan.FromSeconds(30);

    // Heap is read once the bound holds and again at the end: what grows between is what accepted events keep (ledger,
    // ids of the duplicate window, purchases a return may name), never what was refused or waits in the backlog.
    private static readonly TimeSpan Settled = TimeSpan.FromSeconds(10);
    private const long RetainedPerAcceptedEvent = 2_048;
    private const long HeapSlack = 64L << 20;

    [Fact]
    [Trait("Category", "Load")]
    public async Task Overload_is_refused_with_429_the_lag_stays_within_one_batch_of_the_bound_and_every_accepted_event_applies_once()
    {
        await using var fixture = new GatewayFixture();
        await using var gateway = fixture.WithWebHostBuilder(builder => builder.UseSetting("Loyalty:Ingestion:MaxLag", MaxLag.ToString()));
        var client = gateway.CreateClient();
        var lag = gateway.Services.GetRequiredService<IIngestionLag>();
        var program = await Programs.Create(client);

        var accepted = new ConcurrentDictionary<string, int>(); // member → events answered 200
        var refused = 0;
        var maxLag = 0L;
        HttpResponseMessage? refusal = null;
        using var stop = new CancellationTokenSource(Offering);
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                maxLag = Math.Max(maxLag, lag.Current.Events);
                await Task.Delay(2, TestContext.Current.CancellationToken);
            }
        }, TestContext.Current.CancellationToken);
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var settled = Task.Run(async () =>
        {
            await Task.Delay(Settled, TestContext.Current.CancellationToken);
            return (Accepted: accepted.Values.Sum(), Heap: GC.GetTotalMemory(forceFullCollection: true));
        }, TestContext.Current.CancellationToken);
        var producers = Enumerable.Range(0, Producers).Select(producer => Task.Run(async () =>
        {
            for (var batch = 0; !stop.IsCancellationRequested; batch++)
            {
                var events = Enumerable.Range(0, BatchSize)
                    .Select(i => (JsonNode)Api.Purchase($"e-{producer}-{batch}-{i}", $"m{(batch * BatchSize + i) % Members}", 100, "2026-03-10T12:00:00Z"))
                    .ToArray();
                var response = await client.PostAsJsonAsync($"/v1/programs/{program}/events", new JsonArray(events), TestContext.Current.CancellationToken);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    Interlocked.Increment(ref refused);
                    Interlocked.CompareExchange(ref refusal, response, null);
                    continue;
                }

                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var answer = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
                Assert.Equal(BatchSize, answer.Long("accepted"));
                foreach (var member in events.GroupBy(e => e!["memberId"]!.GetValue<string>()))
                {
                    accepted.AddOrUpdate(member.Key, member.Count(), (_, count) => count + member.Count());
                }
            }
        }, TestContext.Current.CancellationToken)).ToArray();
        await Task.WhenAll(producers);
        var memoryUnderLoad = GC.GetTotalMemory(forceFullCollection: true);
        await sampler;
        var atSettled = await settled;

        var applied = accepted.Values.Sum();
        var offered = applied + ((long)refused * BatchSize);
        var acceptedSinceSettled = applied - atSettled.Accepted;
        var growth = memoryUnderLoad - atSettled.Heap;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"back-pressure: {offered} events offered, {applied} accepted, {refused} batches refused in {Offering.TotalSeconds} s; max lag {maxLag}; "
            + $"managed heap {memoryBefore >> 20} MB before, {atSettled.Heap >> 20} MB at {Settled.TotalSeconds} s, {memoryUnderLoad >> 20} MB at the end "
            + $"({(acceptedSinceSettled == 0 ? 0 : growth / acceptedSinceSettled)} B per event accepted meanwhile)");
        Assert.True(applied > 0, "no batch was accepted");
        Assert.True(offered >= 3 * applied, $"offered {offered} events, not three times the {applied} the silo applied");
        Assert.InRange(maxLag, 0, MaxLag + BatchSize);
        Assert.True(growth <= (acceptedSinceSettled * RetainedPerAcceptedEvent) + HeapSlack,
            $"the heap grew {growth >> 20} MB while {acceptedSinceSettled} events were accepted: more than accepted events keep");

        Assert.NotNull(refusal);
        var problem = await Problem.Assert(refusal, HttpStatusCode.TooManyRequests);
        Assert.Contains("events wait to be applied", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(1), refusal.Headers.RetryAfter?.Delta);

        // Drained: every accepted event applied exactly once (1 unit of spend each), none of the refused ones.
        await Polling.Eventually(() => Task.FromResult(lag.Current.Events), events => events == 0, TimeSpan.FromSeconds(30));
        foreach (var member in Enumerable.Range(0, Members).Select(m => $"m{m}"))
        {
            var view = await Polling.Eventually(
                () => client.GetJson($"/v1/programs/{program}/members/{member}"),
                v => v?.Long("lifetimeSpendMinor") == 100L * accepted.GetValueOrDefault(member),
                TimeSpan.FromSeconds(30));
            Assert.Equal(100L * accepted.GetValueOrDefault(member), view?.Long("lifetimeSpendMinor") ?? 0);
        }
    }

    [Theory]
    [InlineData("Loyalty:Ingestion:MaxLag", "0")]
    [InlineData("Loyalty:Ingestion:LagPollInterval", "00:00:00")]
    [InlineData("Loyalty:Ingestion:RetryAfterSeconds", "0")]
    public async Task A_gateway_with_an_unsound_bound_refuses_to_start_naming_the_setting(string setting, string value)
    {
        await using var fixture = new GatewayFixture();
        await using var gateway = fixture.WithWebHostBuilder(builder => builder.UseSetting(setting, value));

        var failure = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Contains(setting, failure.ToString(), StringComparison.Ordinal);
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Loyalty.Client.Telemetry;

namespace Loyalty.Gateway.Tests;

/// <summary>What an operator looks for on /metrics: redemptions, challenge completions, webhook deliveries and ingestion latency, by program.</summary>
public sealed partial class MetricsTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    [Fact]
    public async Task Metrics_count_redemptions_by_outcome_challenge_completions_and_webhook_deliveries_by_program()
    {
        await using var receiver = await WebhookReceiver.Start(failurePercent: 0);
        var program = await Programs.Create(client, Programs.Configuration.Replace(
            "\"returnWindowDays\": 30,",
            $$"""
            "returnWindowDays": 0,
            "webhooks": [
              { "id": "crm", "url": "{{receiver.Url}}", "secret": "{{WebhookReceiver.Secret}}" },
              { "id": "down", "url": "http://127.0.0.1:9/hook", "secret": "{{WebhookReceiver.Secret}}" } ],
            """,
            StringComparison.Ordinal));
        // Today's purchase, so that its notifications are news the webhooks receive.
        var today = DateOnly.FromDateTime(TestClock.UtcNow.UtcDateTime);
        var challenge = await client.PutAsync($"/v1/programs/{program}/challenges/january", new StringContent(
            $$"""{"name":"One this week","start":"{{today.AddDays(-1):yyyy-MM-dd}}","end":"{{today.AddDays(2):yyyy-MM-dd}}",""" + """
            "goal":{"kind":"purchases","target":1},"reward":{"points":10}}
            """,
            Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, challenge.StatusCode);
        var reward = await client.PutAsJsonAsync($"/v1/programs/{program}/rewards/mug", new { name = "Mug", costPoints = 60, stock = 1 }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, reward.StatusCode);

        await client.PostEvents(program, Api.Purchase("p1", "ann", 10_000, TestClock.UtcNow.ToString("O")));
        await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/ann"), m => m?.Long("points.available") == 110);
        Assert.Equal(HttpStatusCode.Created, (await Redeem(program, "r1")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Redeem(program, "r2")).StatusCode); // the only unit is taken
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/v1/programs/{program}/members/ann/redemptions/r1", TestContext.Current.CancellationToken)).StatusCode);

        var label = (string)LoyaltyMetrics.ProgramTag(program).Value!;
        string[][] expected =
        [
            ["loyalty_redemptions_redeemed_total"],
            ["loyalty_redemptions_refused_total", "reason", "out_of_stock"],
            ["loyalty_redemptions_cancelled_total"],
            ["loyalty_challenges_completed_total", "winner", "true"],
            ["loyalty_webhooks_delivered_total"],
            ["loyalty_webhooks_failed_total"],
            ["loyalty_ingestion_latency_milliseconds_count"],
        ];
        var text = await Polling.Eventually(
            () => client.GetStringAsync("/metrics", TestContext.Current.CancellationToken),
            t => expected.All(e => Sum(t, e[0], ["program", label, .. e[1..]]) >= 1), TimeSpan.FromSeconds(15));
        Assert.All(expected, e => Assert.True(Sum(text, e[0], ["program", label, .. e[1..]]) >= 1, $"no {e[0]} for program \"{label}\" in /metrics"));
    }

    private Task<HttpResponseMessage> Redeem(string program, string redemptionId) =>
        client.PostAsJsonAsync($"/v1/programs/{program}/members/ann/redemptions", new { rewardId = "mug", redemptionId }, TestContext.Current.CancellationToken);

    /// <summary>The sum of a metric's samples in Prometheus text whose labels include the given name/value pairs.</summary>
    private static double Sum(string text, string metric, string[] labels) => text.Split('\n')
        .Select(line => Sample().Match(line))
        .Where(m => m.Success && m.Groups["name"].Value == metric)
        .Where(m =>
        {
            var present = Label().Matches(m.Groups["labels"].Value).ToDictionary(l => l.Groups[1].Value, l => l.Groups[2].Value);
            return labels.Chunk(2).All(pair => present.GetValueOrDefault(pair[0]) == pair[1]);
        })
        .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[A-Za-z_:][\w:]*)(\{(?<labels>.*)\})? (?<value>\S+)")]
    private static partial Regex Sample();

    [GeneratedRegex(@"(\w+)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}

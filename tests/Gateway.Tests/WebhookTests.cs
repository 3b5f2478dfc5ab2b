using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Loyalty.Grains.Notifications;

namespace Loyalty.Gateway.Tests;

/// <summary>Notifications reach the program's webhooks signed, in order per member, and none is lost when the receiver fails.</summary>
public sealed class WebhookTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    // Notifications are news of recent events only.
    private static readonly string Now = TestClock.UtcNow.ToString("O");

    private static string WithWebhook(string url) => Programs.Configuration.Replace(
        "\"returnWindowDays\": 30,",
        $$"""
        "returnWindowDays": 30,
        "badges": [ { "id": "welcome", "name": "Welcome", "kind": "firstPurchase" } ],
        "webhooks": [ { "id": "crm", "url": "{{url}}", "secret": "{{WebhookReceiver.Secret}}" } ],
        """,
        StringComparison.Ordinal);

    [Fact]
    public async Task Every_notification_arrives_signed_once_by_id_and_in_order_per_member_though_a_third_of_requests_fail()
    {
        await using var receiver = await WebhookReceiver.Start(failurePercent: 33);
        var program = await Programs.Create(client, WithWebhook(receiver.Url));

        // 150 members: a welcome badge each; every third also climbs to silver and then gold in later batches.
        var members = Enumerable.Range(0, 150).Select(i => $"m{i:000}").ToList();
        await client.PostEvents(program, [.. members.Select(m => (JsonNode)Api.Purchase($"{m}-1", m, 2_000, Now))]);
        await client.PostEvents(program, [.. members.Where((_, i) => i % 3 == 0).Select(m => (JsonNode)Api.Purchase($"{m}-2", m, 120_000, Now))]);
        await client.PostEvents(program, [.. members.Where((_, i) => i % 3 == 0).Select(m => (JsonNode)Api.Purchase($"{m}-3", m, 400_000, Now))]);

        var expected = new HashSet<string>(StringComparer.Ordinal);
        var byMember = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (member, i) in members.Select((m, i) => (m, i)))
        {
            var count = i % 3 == 0 ? 3 : 1;
            var view = await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/{member}"),
                v => v?["notifications"]?.AsArray().Count == count);
            byMember[member] = [.. view!["notifications"]!.AsArray().Select(n => n!["id"]!.GetValue<string>())];
            expected.UnionWith(byMember[member]);
        }

        Assert.Equal(150 + 50 * 2, expected.Count);
        await Polling.Eventually(() => Task.FromResult(receiver.Received.Count), count => count >= expected.Count, TimeSpan.FromSeconds(30));

        Assert.Equal(expected.Order(), receiver.Received.Keys.Order());
        Assert.Equal(0, receiver.BadSignatures);
        Assert.True(receiver.Requests > expected.Count, "the receiver failed some requests, which were retried");
        foreach (var member in members.Where((_, i) => i % 3 == 0))
        {
            var arrived = receiver.Arrivals.Where(id => id.StartsWith($"{program}/{member}/", StringComparison.Ordinal)).ToList();
            Assert.Equal(byMember[member], arrived); // the view lists them oldest first, as they were numbered
            Assert.Equal(["badgeEarned", "tierUp", "tierUp"], arrived.Select(id => receiver.Received[id]["kind"]!.GetValue<string>()));
        }
    }

    [Fact]
    public void A_signature_holds_only_for_its_body_secret_and_time()
    {
        var at = DateTimeOffset.Parse("2026-11-24T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        const string body = """{"id":"p/m/1","kind":"tierUp"}""";
        var header = WebhookSignature.Sign(WebhookReceiver.Secret, body, at);
        var tolerance = TimeSpan.FromMinutes(5);

        Assert.StartsWith($"t={at.ToUnixTimeSeconds()},v1=", header, StringComparison.Ordinal);
        Assert.True(WebhookSignature.Verify(WebhookReceiver.Secret, header, body, at.AddMinutes(4), tolerance));
        Assert.False(WebhookSignature.Verify("another-secret-0123456", header, body, at, tolerance));
        Assert.False(WebhookSignature.Verify(WebhookReceiver.Secret, header, body.Replace("tierUp", "badgeEarned", StringComparison.Ordinal), at, tolerance));
        Assert.False(WebhookSignature.Verify(WebhookReceiver.Secret, header, body, at.AddMinutes(6), tolerance));
        Assert.False(WebhookSignature.Verify(WebhookReceiver.Secret, header.Replace("t=", "t=1", StringComparison.Ordinal), body, at, tolerance));
        Assert.False(WebhookSignature.Verify(WebhookReceiver.Secret, null, body, at, tolerance));
    }

    [Theory]
    [InlineData("\"url\": \"ftp://x\"", "webhooks[0].url")]
    [InlineData("\"secret\": \"short\"", "webhooks[0].secret")]
    public async Task A_bad_webhook_is_refused_naming_the_field(string replacement, string field)
    {
        var json = WithWebhook("http://127.0.0.1:9/hook")
            .Replace("\"url\": \"http://127.0.0.1:9/hook\"", replacement.StartsWith("\"url\"", StringComparison.Ordinal) ? replacement : "\"url\": \"http://127.0.0.1:9/hook\"", StringComparison.Ordinal)
            .Replace($"\"secret\": \"{WebhookReceiver.Secret}\"", replacement.StartsWith("\"secret\"", StringComparison.Ordinal) ? replacement : $"\"secret\": \"{WebhookReceiver.Secret}\"", StringComparison.Ordinal);
        var response = await client.PutAsync($"/v1/programs/{Api.Unique("p")}", new StringContent(json, Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        await Problem.Assert(response, HttpStatusCode.BadRequest, field);
    }
}

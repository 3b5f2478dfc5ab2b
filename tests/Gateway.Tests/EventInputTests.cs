using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Loyalty.Gateway.Tests;

/// <summary>Poison events are rejected item by item at the door, naming the field; their neighbours are still accepted.</summary>
public sealed class EventInputTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    [Theory]
    [InlineData("0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z")]
    [InlineData("1969-12-31T23:59:59Z", "1970-01-01T00:00:00Z")]
    [InlineData("12/01/2026 10:00:00 +00:00", "ISO 8601")]
    [InlineData("Mon, 12 Jan 2026 10:00:00 GMT", "ISO 8601")]
    [InlineData("2026-01-12", "ISO 8601")]
    [InlineData("2026-01-12T10:00:00", "offset")]
    [InlineData("2026-01-12T10:00:00Z\n", "ISO 8601")]
    public async Task An_occurred_at_that_is_not_a_recent_iso_instant_is_rejected(string occurredAt, string says)
    {
        var program = await Programs.Create(client);
        var results = await Post(program, Api.Purchase("bad", "ann", 100, occurredAt), Api.Purchase("ok", "ann", 100));

        AssertRejected(results[0], "[0].occurredAt", says);
        Assert.Equal("accepted", results[1]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Iso_instants_with_any_offset_and_up_to_nine_fraction_digits_are_accepted()
    {
        var program = await Programs.Create(client);
        var results = await Post(program,
            Api.Purchase("a", "ann", 100, "1970-01-01T00:00:00Z"),
            Api.Purchase("b", "ann", 100, "2026-03-10T12:00:00.123456789+01:00"),
            Api.Purchase("c", "ann", 100, "2026-03-10T12:00:00.5-05:30"));

        Assert.All(results, r => Assert.Equal("accepted", r!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Amounts_and_line_totals_that_could_overflow_a_sum_are_rejected()
    {
        var program = await Programs.Create(client);
        var huge = Api.Purchase("huge", "ann", 1_000_000_000_000);
        var bigLine = Lines("big-line", new JsonObject { ["quantity"] = 1_000_000, ["unitPriceMinor"] = 1_000_000_000_000 });
        var bigProduct = Lines("big-product", new JsonObject { ["quantity"] = 1_000_000, ["unitPriceMinor"] = 10_001 });
        var bigSum = Lines("big-sum",
            new JsonObject { ["quantity"] = 1, ["unitPriceMinor"] = 6_000_000_000 },
            new JsonObject { ["quantity"] = 1, ["unitPriceMinor"] = 6_000_000_000 });
        var largest = Lines("largest", new JsonObject { ["quantity"] = 1_000_000, ["unitPriceMinor"] = 10_000 });

        var results = await Post(program, huge, bigLine, bigProduct, bigSum, largest);

        AssertRejected(results[0], "[0].amountMinor", "10000000000");
        AssertRejected(results[1], "[1].lines[0].unitPriceMinor", "10000000000");
        AssertRejected(results[2], "[2].lines[0]", "10000000000");
        AssertRejected(results[3], "[3].lines[1]", "sum");
        Assert.Equal("accepted", results[4]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_lone_surrogate_rejects_only_its_item_naming_the_field()
    {
        var program = await Programs.Create(client);
        var body = $"[{Item("ok-1", "\"channel\":\"web\"")},{Item("bad", "\"channel\":\"\\ud800\"")},{Item("ok-2", "\"channel\":\"shop\"")}]";

        var results = await Send(program, Encoding.UTF8.GetBytes(body));

        Assert.Equal(["accepted", "rejected", "accepted"], results.Select(r => r!["status"]!.GetValue<string>()));
        AssertRejected(results[1], "[1].channel", "Unicode");
    }

    [Fact]
    public async Task Invalid_utf8_in_a_value_or_a_field_name_rejects_only_its_item()
    {
        var program = await Programs.Create(client);
        var body = Encoding.UTF8.GetBytes($"[{Item("ok", "\"channel\":\"web\"")},{Item("bad-value", "\"channel\":\"\u0001\"")},{Item("bad-name", "\"\u0001\":1")}]");
        for (var i = 0; i < body.Length; i++)
        {
            body[i] = body[i] == 1 ? (byte)0xFF : body[i];
        }

        var results = await Send(program, body);

        Assert.Equal("accepted", results[0]!["status"]!.GetValue<string>());
        AssertRejected(results[1], "[1].channel", "Unicode");
        AssertRejected(results[2], "[2].item", "Unicode");
    }

    [Fact]
    public async Task A_repeated_field_rejects_its_item_naming_the_field()
    {
        var program = await Programs.Create(client);
        var body = $"[{Item("twice", "\"amountMinor\":100")},{Item("line", "\"lines\":[{\"quantity\":1,\"quantity\":2,\"unitPriceMinor\":5}]")}]";

        var results = await Send(program, Encoding.UTF8.GetBytes(body));

        AssertRejected(results[0], "[0].amountMinor", "more than once");
        AssertRejected(results[1], "[1].lines[0].quantity", "more than once");
    }

    private static JsonObject Lines(string eventId, params JsonObject[] lines)
    {
        var purchase = Api.Purchase(eventId, "ann", 100);
        purchase["lines"] = new JsonArray([.. lines]);
        return purchase;
    }

    /// <summary>A purchase written by hand, with <paramref name="extra"/> fields, for bodies a serializer would not write.</summary>
    private static string Item(string eventId, string extra) =>
        $$"""{"type":"purchase","eventId":"{{eventId}}","memberId":"ann","occurredAt":"2026-03-10T12:00:00Z","amountMinor":100,"currency":"GBP",{{extra}}}""";

    private async Task<JsonArray> Post(string program, params JsonNode[] events) => (await client.PostEvents(program, events))["results"]!.AsArray();

    private async Task<JsonArray> Send(string program, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        var response = await client.PostAsync($"/v1/programs/{program}/events", content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["results"]!.AsArray();
    }

    private static void AssertRejected(JsonNode? result, string field, string says)
    {
        Assert.Equal(("rejected", field), (result!["status"]!.GetValue<string>(), result["field"]!.GetValue<string>()));
        Assert.Contains(says, result["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

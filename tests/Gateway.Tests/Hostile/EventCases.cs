using System.Text;
using System.Text.Json.Nodes;

namespace Loyalty.Gateway.Tests.Hostile;

/// <summary>
/// Hostile events batches. A batch that cannot be read is refused whole; an item that breaks a rule is rejected on its
/// own in a 200 answer that names its field, and nothing of it is stored.
/// </summary>
public static class EventCases
{
    private const string Route = "POST /v1/programs/{programId}/events";
    private const string Path = "/v1/programs/{program}/events";

    private static readonly string Valid = Api.Purchase("hostile-1", "victim", 1_000).ToJsonString();

    private static readonly string ValidWithLine = JsonEdits.With(Valid, "lines",
        new JsonArray(new JsonObject { ["sku"] = "s", ["category"] = "c", ["quantity"] = 2, ["unitPriceMinor"] = 500 }));

    public static IEnumerable<HostileCase> All()
    {
        foreach (var body in new[] { "[", "[{]", "not json", "[{\"type\":\"purchase\",}]", "", "{}", "null", "\"x\"", "[1,2" })
        {
            yield return Batch(HostileCategory.MalformedJson, body, "body");
        }

        yield return Batch(HostileCategory.TruncatedJson, "[" + Valid[..(Valid.Length / 2)], "body");
        yield return Batch(HostileCategory.TruncatedJson, "[" + Valid, "body");
        yield return Batch(HostileCategory.DeepNesting, JsonEdits.Nested(100_000), "body");
        yield return Batch(HostileCategory.DeepNesting, "[" + JsonEdits.WithRaw(Valid, "channel", JsonEdits.Nested(1_000)) + "]", "body");
        foreach (var contentType in new[] { "text/plain", "application/x-www-form-urlencoded", null, "application/json; charset=utf-16" })
        {
            yield return new(HostileCategory.WrongContentType, Route, "POST", Path, Encoding.UTF8.GetBytes($"[{Valid}]"), contentType, Verdict.Refused, "Content-Type");
        }

        yield return Item(HostileCategory.MalformedJson, "42", "item");
        yield return Item(HostileCategory.MalformedJson, "[]", "item");
        yield return Item(HostileCategory.DuplicateKey, JsonEdits.WithFirstFieldTwice(Valid), "type");
        yield return Item(HostileCategory.DuplicateKey, Valid[..^1] + ",\"amountMinor\":1}", "amountMinor");
        yield return Item(HostileCategory.UnknownField, JsonEdits.WithExtraField(Valid, "points"), "points");
        yield return Item(HostileCategory.UnknownField, ValidWithLine.Replace("\"unitPriceMinor\":500}", "\"unitPriceMinor\":500,\"discount\":1}", StringComparison.Ordinal), "lines[0].discount");
        yield return Item(HostileCategory.MegabyteString, JsonEdits.With(Valid, "memberId", new string('m', 1 << 20)), "memberId");
        yield return Item(HostileCategory.MegabyteString, JsonEdits.With(Valid, "channel", new string('c', 1 << 20)), "channel");

        foreach (var field in new[] { "type", "eventId", "memberId", "occurredAt", "currency", "channel" })
        {
            foreach (var wrong in new[] { "42", "true", "{}", "[]" })
            {
                yield return Item(HostileCategory.WrongType, JsonEdits.WithRaw(Valid, field, wrong), field);
            }

            yield return Item(HostileCategory.ControlCharacters, JsonEdits.With(Valid, field, "x\u0000y"), field);
            yield return Item(HostileCategory.HugeExponent, JsonEdits.WithRaw(Valid, field, "1e309"), field);
        }

        yield return Item(HostileCategory.ControlCharacters, JsonEdits.With(Valid, "memberId", "victim\n"), "memberId");
        yield return Item(HostileCategory.ControlCharacters, JsonEdits.WithRaw(Valid, "eventId", "\"\\udc00\""), "eventId");
        foreach (var id in new[] { "", " ", "\t", "..", "../victim", "a/b", "%2F", new string('x', 129) })
        {
            yield return Item(id.Trim().Length == 0 ? HostileCategory.EmptyOrWhitespaceId : HostileCategory.EncodedSlashOrDots, JsonEdits.With(Valid, "memberId", id), "memberId");
        }

        yield return Item(HostileCategory.EmptyOrWhitespaceId, JsonEdits.With(Valid, "eventId", ""), "eventId");
        yield return Item(HostileCategory.EmptyOrWhitespaceId, JsonEdits.With(Valid, "eventId", "   "), "eventId");

        foreach (var (field, json) in new[] { ("amountMinor", Valid), ("lines[0].quantity", ValidWithLine), ("lines[0].unitPriceMinor", ValidWithLine) })
        {
            var path = field;
            foreach (var wrong in new[] { "\"5\"", "1.5", "true", "null" })
            {
                yield return Item(HostileCategory.WrongType, JsonEdits.WithRaw(json, path, wrong), field);
            }

            yield return Item(HostileCategory.NumberBeyondLong, JsonEdits.WithRaw(json, path, "99999999999999999999"), field);
            yield return Item(HostileCategory.NumberBeyondLong, JsonEdits.WithRaw(json, path, "-99999999999999999999"), field);
            yield return Item(HostileCategory.HugeExponent, JsonEdits.WithRaw(json, path, "1e309"), field);
            yield return Item(HostileCategory.HugeExponent, JsonEdits.WithRaw(json, path, "1e2"), field);
            yield return Item(HostileCategory.WrongType, JsonEdits.WithRaw(json, path, "-1"), field);
        }

        yield return Item(HostileCategory.WrongType, JsonEdits.WithRaw(Valid, "amountMinor", "0"), "amountMinor");
        yield return Item(HostileCategory.WrongType, JsonEdits.WithRaw(Valid, "lines", "{}"), "lines");
        yield return Item(HostileCategory.WrongType, JsonEdits.WithRaw(Valid, "lines", "[1]"), "lines[0]");
        yield return Item(HostileCategory.WrongType, JsonEdits.With(Valid, "currency", "EUR"), "currency");
        yield return Item(HostileCategory.WrongType, JsonEdits.With(Valid, "type", "refund"), "type");

        foreach (var at in BodyCases.BadInstants.Concat(["1969-12-31T23:59:59Z", "9999-12-31T23:59:59Z", "2026-03-10", "2026-03-10T12:00Z"]))
        {
            yield return Item(HostileCategory.InvalidDate, JsonEdits.With(Valid, "occurredAt", at), "occurredAt");
        }
    }

    private static HostileCase Batch(HostileCategory category, string body, string field) =>
        new(category, Route, "POST", Path, Encoding.UTF8.GetBytes(body), "application/json", Verdict.Refused, field);

    /// <summary>A batch of the one item; the answer names the item's field as "[0].field".</summary>
    private static HostileCase Item(HostileCategory category, string item, string field) =>
        new(category, Route, "POST", Path, Encoding.UTF8.GetBytes($"[{item}]"), "application/json", Verdict.ItemRejected, $"[0].{field}");
}

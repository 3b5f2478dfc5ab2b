using System.Text;
using System.Text.Json.Nodes;

namespace Loyalty.Gateway.Tests.Hostile;

/// <summary>Hostile bodies for every route that reads a JSON object: broken documents, wrong types and values per field.</summary>
public static class BodyCases
{
    public const string AnyField = "*";

    private static readonly string[] Malformed = ["{", "{\"name\":}", "not json", "{'name':'x'}", "{\"name\":\"x\",}", "\uFEFF{garbage", "{\"name\":\"x\"}}"];

    private static readonly string[] NotAnObject = ["", "null", "[]", "\"text\"", "42", "   "];

    private static readonly string?[] WrongContentTypes =
        ["text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data; boundary=x", null, "application/json; charset=utf-16"];

    public static IEnumerable<HostileCase> For(BodyRoute route)
    {
        HostileCase Case(HostileCategory category, string body, string? field, string? contentType = "application/json") =>
            Case8(category, Encoding.UTF8.GetBytes(body), field, contentType);
        HostileCase Case8(HostileCategory category, byte[] body, string? field, string? contentType = "application/json") =>
            new(category, route.Route, route.Method, route.Path, body, contentType, Verdict.Refused, field);

        // A broken document that starts with a field the route does not know may be refused for that field first.
        foreach (var body in Malformed.Concat(NotAnObject))
        {
            yield return Case(HostileCategory.MalformedJson, body, body.StartsWith("{\"", StringComparison.Ordinal) ? AnyField : "body");
        }

        var valid = route.ValidJson.ReplaceLineEndings("");
        foreach (var share in new[] { 4, 2 })
        {
            yield return Case(HostileCategory.TruncatedJson, valid[..(valid.Length / share)], "body");
        }

        yield return Case(HostileCategory.TruncatedJson, valid[..^1], "body");
        yield return Case(HostileCategory.DeepNesting, JsonEdits.Nested(10_000), "body");
        yield return Case(HostileCategory.DeepNesting, JsonEdits.NestedObjects(5_000), AnyField);
        yield return Case(HostileCategory.MegabyteString, JsonEdits.With(valid, route.Fields[0].Path, new string('a', 1 << 20)), AnyField);
        yield return Case(HostileCategory.DuplicateKey, JsonEdits.WithFirstFieldTwice(valid), route.Fields[0].Path);
        yield return Case(HostileCategory.UnknownField, JsonEdits.WithExtraField(valid, "isAdmin"), "isAdmin");
        yield return Case(HostileCategory.UnknownField, JsonEdits.WithExtraField(valid, "__proto__"), "__proto__");

        // A raw control character inside a string is not JSON at all.
        var raw = Encoding.UTF8.GetBytes(JsonEdits.With(valid, route.Fields[0].Path, "x\u0001y").Replace("\\u0001", "\u0001", StringComparison.Ordinal));
        yield return Case8(HostileCategory.ControlCharacters, raw, "body");
        foreach (var contentType in WrongContentTypes)
        {
            yield return Case(HostileCategory.WrongContentType, valid, "Content-Type", contentType);
        }

        foreach (var field in route.Fields)
        {
            foreach (var wrong in WrongTypes(field.Kind))
            {
                yield return Case(HostileCategory.WrongType, JsonEdits.WithRaw(valid, field.Path, wrong), field.Path);
            }
        }

        foreach (var field in route.Of(FieldKind.Integer))
        {
            yield return Case(HostileCategory.NumberBeyondLong, JsonEdits.WithRaw(valid, field.Path, "99999999999999999999"), field.Path);
            yield return Case(HostileCategory.NumberBeyondLong, JsonEdits.WithRaw(valid, field.Path, "-9223372036854775809"), field.Path);
            yield return Case(HostileCategory.HugeExponent, JsonEdits.WithRaw(valid, field.Path, "1e309"), field.Path);
        }

        foreach (var field in route.Of(FieldKind.Text))
        {
            yield return Case(HostileCategory.HugeExponent, JsonEdits.WithRaw(valid, field.Path, "-1e309"), field.Path);
            yield return Case(HostileCategory.ControlCharacters, JsonEdits.With(valid, field.Path, "x\u0000y"), field.Path);
            yield return Case(HostileCategory.ControlCharacters, JsonEdits.With(valid, field.Path, "\u001b[31mred"), field.Path);
            yield return Case(HostileCategory.ControlCharacters, JsonEdits.WithRaw(valid, field.Path, "\"\\ud800\""), field.Path);
        }

        foreach (var field in route.Fields.Where(f => f.Kind is FieldKind.Instant or FieldKind.LocalDate))
        {
            foreach (var date in field.Kind == FieldKind.Instant ? BadInstants : BadLocalDates)
            {
                yield return Case(HostileCategory.InvalidDate, JsonEdits.With(valid, field.Path, JsonValue.Create(date)), field.Path);
            }
        }
    }

    public static readonly string[] BadInstants =
        ["2026-02-30T00:00:00Z", "2026-03-10T12:00:00", "yesterday", "2026-03-10T24:00:01Z", "0000-01-01T00:00:00Z", "2026-03-10T12:00:00+25:00"];

    public static readonly string[] BadLocalDates = ["2026-02-30", "2026-13-01", "26-01-01", "2026-03-01T25:00", "today"];

    private static string[] WrongTypes(FieldKind kind) => kind switch
    {
        FieldKind.Text => ["42", "true", "{}", "[\"x\"]"],
        FieldKind.Integer => ["\"5\"", "1.5", "true", "{}"],
        FieldKind.Instant or FieldKind.LocalDate => ["20260101", "true", "[]"],
        FieldKind.Object => ["\"x\"", "1", "[]"],
        _ => ["{}", "\"x\"", "7"],
    };
}

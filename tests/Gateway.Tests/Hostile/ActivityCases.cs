using System.Text;
using System.Text.Json.Nodes;

namespace Loyalty.Gateway.Tests.Hostile;

/// <summary>
/// Hostile engagement and survey items (each rejected on its own, naming its field) and hostile values of a manual
/// adjustment (refused whole, naming its field).
/// </summary>
public static class ActivityCases
{
    private const string EventsRoute = "POST /v1/programs/{programId}/events";
    private const string EventsPath = "/v1/programs/{program}/events";
    private const string AdjustmentRoute = "POST /v1/programs/{programId}/members/{memberId}/adjustments/";
    private const string AdjustmentPath = "/v1/programs/{program}/members/victim/adjustments";

    private static readonly string Engagement = Api.Engagement("hostile-e", "victim", "review").ToJsonString();
    private static readonly string Survey = Api.Survey("hostile-s", "victim", "nps", 9).ToJsonString();
    private const string Adjustment = """{"adjustmentId":"adj-1","points":50,"reason":"late delivery"}""";

    public static IEnumerable<HostileCase> All()
    {
        foreach (var kind in new[] { "", "Review", "re view", "-review", "review-", "a--b", "rev/iew", "revi\u0000ew", new string('k', 65), "ré" })
        {
            yield return Item(kind.Any(char.IsControl) ? HostileCategory.ControlCharacters : HostileCategory.WrongType, JsonEdits.With(Engagement, "kind", kind), "kind");
        }

        foreach (var wrong in new[] { "42", "true", "{}", "null" })
        {
            yield return Item(HostileCategory.WrongType, JsonEdits.WithRaw(Engagement, "kind", wrong), "kind");
            yield return Item(HostileCategory.WrongType, JsonEdits.WithRaw(Survey, "survey", wrong), "survey");
        }

        yield return Item(HostileCategory.UnknownField, JsonEdits.WithExtraField(Engagement, "amountMinor"), "amountMinor");
        yield return Item(HostileCategory.UnknownField, JsonEdits.WithExtraField(Survey, "kind"), "kind");
        yield return Item(HostileCategory.InvalidDate, JsonEdits.With(Engagement, "occurredAt", "2026-03-10"), "occurredAt");
        foreach (var survey in new[] { "NPS", "csat ", "nps\n", "", "promoter" })
        {
            yield return Item(HostileCategory.WrongType, JsonEdits.With(Survey, "survey", survey), "survey");
        }

        foreach (var (survey, score) in new[] { ("nps", "-1"), ("nps", "11"), ("csat", "0"), ("csat", "6"), ("ces", "0"), ("ces", "8"), ("nps", "9.5"), ("nps", "\"9\""), ("nps", "1e309"), ("nps", "99999999999999999999") })
        {
            var category = score.Contains("e309", StringComparison.Ordinal) ? HostileCategory.HugeExponent
                : score.Length > 15 ? HostileCategory.NumberBeyondLong : HostileCategory.WrongType;
            yield return Item(category, JsonEdits.WithRaw(JsonEdits.With(Survey, "survey", survey), "score", score), "score");
        }

        foreach (var (field, raw) in new[]
        {
            ("points", "0"), ("points", "1000000001"), ("points", "-1000000001"), ("points", "null"),
            ("reason", "\"\""), ("reason", "\"   \""), ("reason", $"\"{new string('r', 501)}\""), ("reason", "\"line\\nbreak\""), ("reason", "null"),
            ("adjustmentId", "\"\""), ("adjustmentId", "\"   \""), ("adjustmentId", $"\"{new string('a', 129)}\""),
        })
        {
            yield return new(raw.Contains("\\n", StringComparison.Ordinal) ? HostileCategory.ControlCharacters : HostileCategory.WrongType,
                AdjustmentRoute, "POST", AdjustmentPath, Encoding.UTF8.GetBytes(JsonEdits.WithRaw(Adjustment, field, raw)), "application/json", Verdict.Refused, field);
        }
    }

    private static HostileCase Item(HostileCategory category, string item, string field) =>
        new(category, EventsRoute, "POST", EventsPath, Encoding.UTF8.GetBytes($"[{item}]"), "application/json", Verdict.ItemRejected, $"[0].{field}");
}

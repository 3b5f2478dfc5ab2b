using System.Collections.Immutable;
using System.Text.Json;
using Loyalty.Domain;
using Loyalty.Gateway.Http;
using Loyalty.Grains.Interfaces.Events;
using Loyalty.Client.Json;
using static Loyalty.Gateway.Events.EventItemFields;

namespace Loyalty.Gateway.Events;

/// <summary>
/// Reads one item of an events batch strictly: every field is checked for presence, type and range, unknown and
/// repeated fields are refused, and the first problem is reported with the field's path.
/// </summary>
public sealed class EventItemReader(ProgramConfig program, DateTimeOffset now)
{
    public const int MaxLines = 1_000;
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromDays(1);

    internal static readonly string[] PurchaseFields =
        ["type", "eventId", "memberId", "occurredAt", "amountMinor", "currency", "lines", "channel"];

    internal static readonly string[] ReturnFields =
        ["type", "eventId", "memberId", "occurredAt", "amountMinor", "currency", "originalEventId"];

    internal static readonly string[] EngagementFields = ["type", "eventId", "memberId", "occurredAt", "kind"];

    internal static readonly string[] SurveyFields = ["type", "eventId", "memberId", "occurredAt", "survey", "score"];

    internal static readonly string[] LineFields = ["sku", "category", "quantity", "unitPriceMinor"];

    /// <summary>The item's eventId when it has a readable one, so even a rejected item can be named.</summary>
    public static string? PeekEventId(JsonElement item)
    {
        try
        {
            return item.ValueKind == JsonValueKind.Object && item.TryGetProperty("eventId", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (InvalidOperationException)
        {
            return null; // not valid Unicode: the item is rejected for it, unnamed
        }
    }

    /// <exception cref="EventFieldException">The item is invalid.</exception>
    public MemberEvent Read(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new EventFieldException("item", "must be a JSON object");
        }

        var kind = RequiredString(item, "type") switch
        {
            "purchase" => MemberEventKind.Purchase,
            "return" => MemberEventKind.Return,
            "engagement" => MemberEventKind.Engagement,
            "survey" => MemberEventKind.Survey,
            _ => throw new EventFieldException("type", "must be \"purchase\", \"return\", \"engagement\" or \"survey\""),
        };
        RefuseUnknownFields(item, kind switch
        {
            MemberEventKind.Purchase => PurchaseFields,
            MemberEventKind.Return => ReturnFields,
            MemberEventKind.Engagement => EngagementFields,
            _ => SurveyFields,
        }, "");

        var eventId = RequiredString(item, "eventId");
        if (!Identifiers.IsValidEventId(eventId))
        {
            throw new EventFieldException("eventId", Identifiers.EventIdRule);
        }

        var memberId = RequiredString(item, "memberId");
        if (!Identifiers.IsValid(memberId))
        {
            throw new EventFieldException("memberId", Identifiers.Rule);
        }

        var occurredAt = ReadTime(item);
        return kind switch
        {
            MemberEventKind.Engagement => ReadEngagement(item, eventId, memberId, occurredAt),
            MemberEventKind.Survey => ReadSurvey(item, eventId, memberId, occurredAt),
            _ => ReadMoney(item, kind, eventId, memberId, occurredAt),
        };
    }

    private MemberEvent ReadMoney(JsonElement item, MemberEventKind kind, string eventId, string memberId, DateTimeOffset occurredAt)
    {
        var amount = RequiredInteger(item, "amountMinor", "amountMinor", minimum: 1, maximum: Bounds.MaxAmountMinor);
        var currency = RequiredString(item, "currency");
        if (currency != program.Currency)
        {
            throw new EventFieldException("currency", $"must be {program.Currency}, the program's currency");
        }

        return kind == MemberEventKind.Purchase
            ? new MemberEvent(kind, eventId, memberId, occurredAt, amount, currency, ReadLines(item),
                FreeText(item, "channel"), null)
            : new MemberEvent(kind, eventId, memberId, occurredAt, amount, currency, [], null,
                OptionalEventId(item, "originalEventId"));
    }

    private static MemberEvent ReadEngagement(JsonElement item, string eventId, string memberId, DateTimeOffset occurredAt)
    {
        var kind = RequiredString(item, "kind");
        return EngagementKinds.IsValid(kind)
            ? new MemberEvent(MemberEventKind.Engagement, eventId, memberId, occurredAt, 0, "", [], null, null, EngagementKind: kind)
            : throw new EventFieldException("kind", EngagementKinds.Rule);
    }

    private static MemberEvent ReadSurvey(JsonElement item, string eventId, string memberId, DateTimeOffset occurredAt)
    {
        if (!SurveyScales.TryParse(RequiredString(item, "survey"), out var survey))
        {
            throw new EventFieldException("survey", "must be nps, csat or ces");
        }

        var (lowest, highest) = SurveyScales.Of(survey);
        var score = RequiredInteger(item, "score", "score", lowest, highest, "a whole score");
        return new MemberEvent(
            MemberEventKind.Survey, eventId, memberId, occurredAt, 0, "", [], null, null, Survey: SurveyScales.Name(survey), Score: (int)score);
    }

    private DateTimeOffset ReadTime(JsonElement item)
    {
        // An offset is required: a bare local time would be read differently by different servers.
        if (!IsoInstant.TryParse(RequiredString(item, "occurredAt"), out var at))
        {
            throw new EventFieldException("occurredAt", IsoInstant.Rule);
        }

        if (at < Bounds.EarliestEventTime)
        {
            throw new EventFieldException("occurredAt", $"must be {Bounds.EarliestEventTimeText} or later");
        }

        if (at > now + MaxClockSkew)
        {
            throw new EventFieldException("occurredAt", "is more than a day in the future");
        }

        return at;
    }

    private static ImmutableArray<EventLine> ReadLines(JsonElement item)
    {
        if (!item.TryGetProperty("lines", out var lines) || lines.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (lines.ValueKind != JsonValueKind.Array)
        {
            throw new EventFieldException("lines", "must be an array");
        }

        if (lines.GetArrayLength() > MaxLines)
        {
            throw new EventFieldException("lines", $"must have at most {MaxLines} lines");
        }

        var result = ImmutableArray.CreateBuilder<EventLine>(lines.GetArrayLength());
        var index = 0;
        var total = 0L;
        foreach (var line in lines.EnumerateArray())
        {
            var path = $"lines[{index++}]";
            if (line.ValueKind != JsonValueKind.Object)
            {
                throw new EventFieldException(path, "must be an object");
            }

            RefuseUnknownFields(line, LineFields, path + ".");
            var read = new EventLine(
                FreeText(line, "sku", path + ".sku"),
                FreeText(line, "category", path + ".category"),
                RequiredInteger(line, "quantity", path + ".quantity", minimum: 1, maximum: Bounds.MaxLineQuantity),
                RequiredInteger(line, "unitPriceMinor", path + ".unitPriceMinor", minimum: 0, maximum: Bounds.MaxAmountMinor));

            // Both factors are bounded, so the product and the running total cannot overflow before they are checked.
            total += read.Quantity * read.UnitPriceMinor;
            if (read.Quantity * read.UnitPriceMinor > Bounds.MaxAmountMinor || total > Bounds.MaxAmountMinor)
            {
                throw new EventFieldException(path, $"quantity × unitPriceMinor, and the sum over all lines, must be at most {Bounds.MaxAmountMinor}");
            }

            result.Add(read);
        }

        return result.MoveToImmutable();
    }
}

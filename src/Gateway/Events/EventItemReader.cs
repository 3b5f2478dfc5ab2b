using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Loyalty.Domain;
using Loyalty.Gateway.Http;
using Loyalty.Grains.Interfaces.Events;

namespace Loyalty.Gateway.Events;

/// <summary>
/// Reads one item of an events batch strictly: every field is checked for presence, type and range, unknown
/// fields are refused, and the first problem is reported with the field's path.
/// </summary>
public sealed class EventItemReader(ProgramConfig program, DateTimeOffset now)
{
    public const long MaxAmountMinor = 1_000_000_000_000; // 10 billion in major units: far beyond any basket, far from overflow
    public const int MaxLines = 1_000;
    private const int MaxTextLength = 128;
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromDays(1);

    private static readonly HashSet<string> PurchaseFields =
        ["type", "eventId", "memberId", "occurredAt", "amountMinor", "currency", "lines", "channel"];

    private static readonly HashSet<string> ReturnFields =
        ["type", "eventId", "memberId", "occurredAt", "amountMinor", "currency", "originalEventId"];

    private static readonly HashSet<string> LineFields = ["sku", "category", "quantity", "unitPriceMinor"];

    /// <summary>The item's eventId when it has a readable one, so even a rejected item can be named.</summary>
    public static string? PeekEventId(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("eventId", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

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
            _ => throw new EventFieldException("type", "must be \"purchase\" or \"return\""),
        };
        RefuseUnknownFields(item, kind == MemberEventKind.Purchase ? PurchaseFields : ReturnFields, "");

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
        var amount = RequiredInteger(item, "amountMinor", "amountMinor", minimum: 1, maximum: MaxAmountMinor);
        var currency = RequiredString(item, "currency");
        if (currency != program.Currency)
        {
            throw new EventFieldException("currency", $"must be {program.Currency}, the program's currency");
        }

        return kind == MemberEventKind.Purchase
            ? new MemberEvent(kind, eventId, memberId, occurredAt, amount, currency, ReadLines(item),
                OptionalString(item, "channel"), null)
            : new MemberEvent(kind, eventId, memberId, occurredAt, amount, currency, [], null,
                OptionalEventId(item, "originalEventId"));
    }

    private DateTimeOffset ReadTime(JsonElement item)
    {
        var text = RequiredString(item, "occurredAt");
        // An offset is required: a bare local time would be read differently by different servers.
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        if (!hasOffset || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            throw new EventFieldException("occurredAt", "must be an ISO 8601 date-time with an offset, e.g. 2026-05-01T10:15:00+02:00");
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
        foreach (var line in lines.EnumerateArray())
        {
            var path = $"lines[{index++}]";
            if (line.ValueKind != JsonValueKind.Object)
            {
                throw new EventFieldException(path, "must be an object");
            }

            RefuseUnknownFields(line, LineFields, path + ".");
            result.Add(new EventLine(
                OptionalString(line, "sku", path + ".sku"),
                OptionalString(line, "category", path + ".category"),
                RequiredInteger(line, "quantity", path + ".quantity", minimum: 1, maximum: 1_000_000),
                RequiredInteger(line, "unitPriceMinor", path + ".unitPriceMinor", minimum: 0, maximum: MaxAmountMinor)));
        }

        return result.MoveToImmutable();
    }

    private static void RefuseUnknownFields(JsonElement item, HashSet<string> known, string prefix)
    {
        foreach (var property in item.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                throw new EventFieldException(prefix + property.Name, "is not a field of this event type");
            }
        }
    }

    private static string RequiredString(JsonElement item, string name) =>
        OptionalString(item, name) ?? throw new EventFieldException(name, "is required");

    private static string? OptionalString(JsonElement item, string name, string? path = null)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new EventFieldException(path ?? name, "must be a string");
        }

        var text = value.GetString()!;
        if (text.Length == 0 || text.Length > MaxTextLength)
        {
            throw new EventFieldException(path ?? name, $"must be 1-{MaxTextLength} characters");
        }

        return text;
    }

    private static string? OptionalEventId(JsonElement item, string name)
    {
        var id = OptionalString(item, name);
        return id is null || Identifiers.IsValidEventId(id)
            ? id
            : throw new EventFieldException(name, Identifiers.EventIdRule);
    }

    private static long RequiredInteger(JsonElement item, string name, string path, long minimum, long maximum)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new EventFieldException(path, "is required");
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            throw new EventFieldException(path, "must be an integer (minor units, no decimals)");
        }

        return number < minimum || number > maximum
            ? throw new EventFieldException(path, $"must be between {minimum} and {maximum}")
            : number;
    }
}

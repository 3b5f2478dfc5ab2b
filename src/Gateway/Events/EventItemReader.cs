using System.Collections.Immutable;
using System.Text.Json;
using Loyalty.Domain;
using Loyalty.Gateway.Http;
using Loyalty.Grains.Interfaces.Events;
using Loyalty.Client.Json;

namespace Loyalty.Gateway.Events;

/// <summary>
/// Reads one item of an events batch strictly: every field is checked for presence, type and range, unknown and
/// repeated fields are refused, and the first problem is reported with the field's path.
/// </summary>
public sealed class EventItemReader(ProgramConfig program, DateTimeOffset now)
{
    public const int MaxLines = 1_000;
    private const string TextRule = "must be valid Unicode text (no lone surrogate, no invalid UTF-8)";
    private const int MaxTextLength = 128;
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromDays(1);

    internal static readonly string[] PurchaseFields =
        ["type", "eventId", "memberId", "occurredAt", "amountMinor", "currency", "lines", "channel"];

    internal static readonly string[] ReturnFields =
        ["type", "eventId", "memberId", "occurredAt", "amountMinor", "currency", "originalEventId"];

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

    private static void RefuseUnknownFields(JsonElement item, string[] known, string prefix)
    {
        var seen = 0; // a bit per known field: no allocation per item
        foreach (var property in item.EnumerateObject())
        {
            string name;
            try
            {
                name = property.Name;
            }
            catch (InvalidOperationException)
            {
                throw new EventFieldException(prefix.Length == 0 ? "item" : prefix[..^1], "has a field name that is not valid Unicode text");
            }

            var index = Array.IndexOf(known, name);
            if (index < 0)
            {
                throw new EventFieldException(prefix + name, "is not a field of this event type");
            }

            if ((seen & (1 << index)) != 0)
            {
                throw new EventFieldException(prefix + name, "appears more than once");
            }

            seen |= 1 << index;
        }
    }

    /// <summary>The document's strings are decoded on demand, so invalid UTF-8 or a lone surrogate is found here.</summary>
    private static string Text(JsonElement value, string path)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new EventFieldException(path, TextRule);
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

        var text = Text(value, path ?? name);
        if (text.Length == 0 || text.Length > MaxTextLength)
        {
            throw new EventFieldException(path ?? name, $"must be 1-{MaxTextLength} characters");
        }

        return text;
    }

    /// <summary>Text shown back to people (channels, categories, skus): printable, no control characters.</summary>
    private static string? FreeText(JsonElement item, string name, string? path = null)
    {
        var text = OptionalString(item, name, path);
        return text is not null && text.Any(char.IsControl)
            ? throw new EventFieldException(path ?? name, $"must be 1-{MaxTextLength} printable characters")
            : text;
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

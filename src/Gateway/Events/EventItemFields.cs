using System.Text.Json;
using Loyalty.Gateway.Http;

namespace Loyalty.Gateway.Events;

/// <summary>
/// The strict field readers of an events item: presence, type, Unicode, length and range, each failure an
/// <see cref="EventFieldException"/> naming the field's path.
/// </summary>
internal static class EventItemFields
{
    public const int MaxTextLength = 128;

    private const string TextRule = "must be valid Unicode text (no lone surrogate, no invalid UTF-8)";

    public static void RefuseUnknownFields(JsonElement item, string[] known, string prefix)
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

    public static string RequiredString(JsonElement item, string name) =>
        OptionalString(item, name) ?? throw new EventFieldException(name, "is required");

    public static string? OptionalString(JsonElement item, string name, string? path = null)
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
    public static string? FreeText(JsonElement item, string name, string? path = null)
    {
        var text = OptionalString(item, name, path);
        return text is not null && text.Any(char.IsControl)
            ? throw new EventFieldException(path ?? name, $"must be 1-{MaxTextLength} printable characters")
            : text;
    }

    public static string? OptionalEventId(JsonElement item, string name)
    {
        var id = OptionalString(item, name);
        return id is null || Identifiers.IsValidEventId(id)
            ? id
            : throw new EventFieldException(name, Identifiers.EventIdRule);
    }

    public static long RequiredInteger(JsonElement item, string name, string path, long minimum, long maximum, string unit = "minor units, no decimals")
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new EventFieldException(path, "is required");
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            throw new EventFieldException(path, $"must be an integer ({unit})");
        }

        return number < minimum || number > maximum
            ? throw new EventFieldException(path, $"must be between {minimum} and {maximum}")
            : number;
    }
}

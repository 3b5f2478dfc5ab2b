using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Loyalty.Client.Programs;

namespace Loyalty.Client.Json;

/// <summary>
/// Words a deserialization failure for the API: the field at fault and what it must be. System.Text.Json's own
/// messages name .NET types ("could not be converted to Loyalty.Domain.ChallengeGoalKind"), often the parent's
/// rather than the field's, so the expected form is read from the target type's contract instead.
/// </summary>
public static partial class JsonErrors
{
    public static (string Field, string Message) Describe(JsonException error, Type root, JsonSerializerOptions options)
    {
        var field = JsonPaths.ToField(error.Path);
        var text = error.Message;
        if (error.InnerException is JsonException syntax)
        {
            return ("body", "is not valid JSON: " + syntax.Message);
        }

        if (text.StartsWith("Duplicate property", StringComparison.Ordinal))
        {
            return (field, "appears more than once");
        }

        if (text.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return (field, "is not a known field");
        }

        if (MissingPattern().Match(text) is { Success: true } missing)
        {
            var name = missing.Groups["name"].Value;
            return (field == "body" ? name : $"{field}.{name}", "is required");
        }

        if (text.Contains("doesn't allow null values", StringComparison.Ordinal)
            || text.Contains("doesn't allow setting null values", StringComparison.Ordinal))
        {
            return (field, "must not be null");
        }

        return error.InnerException switch
        {
            InvalidOperationException { Message: var m } when m.Contains("UTF", StringComparison.Ordinal) =>
                (field, "must be valid Unicode text (no lone surrogate, no invalid UTF-8)"),
            InvalidOperationException { Message: var m } when m.Contains("token type 'String' as a number", StringComparison.Ordinal) =>
                (field, "must be a JSON number, not a string"),
            _ => (field, Expected(Target(root, error.Path, options))),
        };
    }

    /// <summary>The contract of the value at <paramref name="path"/> ("$.tiers[1].name"), or null when it cannot be followed.</summary>
    private static JsonTypeInfo? Target(Type root, string? path, JsonSerializerOptions options)
    {
        var info = options.GetTypeInfo(root);
        foreach (Match segment in SegmentPattern().Matches(path ?? ""))
        {
            var name = segment.Groups["name"].Success ? segment.Groups["name"].Value : segment.Groups["quoted"].Value;
            Type? next = segment.Groups["index"].Success || info.Kind == JsonTypeInfoKind.Dictionary
                ? info.ElementType
                : info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.PropertyType;
            if (next is null)
            {
                return null;
            }

            info = options.GetTypeInfo(next);
        }

        return info;
    }

    private static string Expected(JsonTypeInfo? info)
    {
        var type = info is null ? null : Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        return type switch
        {
            null => "has the wrong type or format",
            _ when type == typeof(string) => "must be a string",
            _ when type == typeof(bool) => "must be true or false",
            _ when type == typeof(long) || type == typeof(int) => "must be a whole number",
            _ when type == typeof(DateOnly) => "must be a calendar date YYYY-MM-DD",
            _ when type == typeof(DateTimeOffset) => IsoInstant.Rule,
            { IsEnum: true } => "must be one of " + string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName)),
            _ => info!.Kind switch
            {
                JsonTypeInfoKind.Enumerable => "must be an array",
                JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "must be an object",
                _ => "has the wrong type or format",
            },
        };
    }

    [GeneratedRegex("missing required properties including: '(?<name>[^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex MissingPattern();

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>(?:[^']|'')*)'\]|\[(?<index>[0-9]+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex SegmentPattern();
}

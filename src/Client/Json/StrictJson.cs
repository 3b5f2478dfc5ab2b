using System.Text.Json;
using System.Text.Json.Serialization;

namespace Loyalty.Client.Json;

/// <summary>The strictness every request body is read with, so each route refuses the same sloppy input.</summary>
public static class StrictJson
{
    /// <summary>
    /// Unknown fields, repeated fields, numbers written as strings (the Web defaults allow them), enum values as
    /// numbers and loose date-times are refused.
    /// </summary>
    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new IsoInstantConverter());
        return options;
    }
}

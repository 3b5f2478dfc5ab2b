using System.Text.Json;
using System.Text.Json.Serialization;
using Loyalty.Domain;
using Loyalty.Client.Json;

namespace Loyalty.Client.Programs;

/// <summary>The one JSON form of a program configuration and its challenges: camelCase, enums as strings, read strictly.</summary>
public static class ProgramConfigurationJson
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    public static ProgramConfig Parse(string json) =>
        JsonSerializer.Deserialize<ProgramConfig>(json, Options)
        ?? throw new JsonException("The configuration must be a JSON object.");

    public static string Write(ProgramConfig configuration) => JsonSerializer.Serialize(configuration, Options);

    /// <summary>Other configuration documents (challenges) in the same form.</summary>
    public static T Parse<T>(string json)
        where T : class =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("The document must be a JSON object.");

    public static string Write<T>(T document) => JsonSerializer.Serialize(document, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = StrictJson.Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        });
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

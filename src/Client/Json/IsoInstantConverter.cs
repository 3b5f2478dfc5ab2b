using System.Text.Json;
using System.Text.Json.Serialization;

namespace Loyalty.Client.Json;

/// <summary>Reads <see cref="DateTimeOffset"/> only in the <see cref="IsoInstant"/> form; writes the usual ISO form.</summary>
public sealed class IsoInstantConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && IsoInstant.TryParse(reader.GetString(), out var at)
            ? at
            : throw new JsonException(); // worded by JsonErrors, which knows the field

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}

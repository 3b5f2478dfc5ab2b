using System.Text.Json;
using System.Text.Json.Serialization;
using Loyalty.Domain;

namespace Loyalty.Grains.Members.Storage;

/// <summary>
/// Grain storage writes a member as a <see cref="StoredMember"/> and reads any stored schema back. Mapping happens
/// only where a state is serialized: storage that keeps states by reference (the embedded profile) never pays for it.
/// </summary>
public sealed class StoredMemberJsonConverter : JsonConverter<MemberAccount>
{
    public override MemberAccount Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        (JsonSerializer.Deserialize<StoredMember>(ref reader, options) ?? throw new JsonException("A stored member cannot be null.")).FromStored();

    public override void Write(Utf8JsonWriter writer, MemberAccount value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToStored(), options);
}

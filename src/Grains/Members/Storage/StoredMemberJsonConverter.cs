using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Loyalty.Domain;

namespace Loyalty.Grains.Members.Storage;

/// <summary>
/// Grain storage writes a member as a <see cref="StoredMember"/> and reads any stored schema back. Mapping happens
/// only where a state is serialized: storage that keeps states by reference (the embedded profile) never pays for it.
/// Empty collections, nulls and zeros are left out when writing: most members use few of the rule book's parts, and
/// a left-out property reads back as its empty default.
/// </summary>
public sealed class StoredMemberJsonConverter : JsonConverter<MemberAccount>
{
    private JsonSerializerOptions? compact;

    public override MemberAccount Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        (JsonSerializer.Deserialize<StoredMember>(ref reader, options) ?? throw new JsonException("A stored member cannot be null.")).FromStored();

    public override void Write(Utf8JsonWriter writer, MemberAccount value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToStored(), compact ??= Compact(options));

    private static JsonSerializerOptions Compact(JsonSerializerOptions options)
    {
        var resolver = options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver();
        return new JsonSerializerOptions(options) { TypeInfoResolver = resolver.WithAddedModifier(LeaveOutEmpty) };
    }

    private static void LeaveOutEmpty(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || type.Type.Namespace != typeof(StoredMember).Namespace)
        {
            return;
        }

        // Constructor parameters are left as they are: a missing one would read as null, not as empty.
        foreach (var property in type.Properties.Where(property => property.AssociatedParameter is null))
        {
            var empty = property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null
                ? Activator.CreateInstance(property.PropertyType)
                : null;
            property.ShouldSerialize = typeof(ICollection).IsAssignableFrom(property.PropertyType)
                ? (_, value) => value is ICollection { Count: > 0 }
                : (_, value) => value is not null && !value.Equals(empty);
        }
    }
}

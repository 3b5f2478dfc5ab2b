using System.Text;
using System.Text.Json;

namespace Loyalty.Bench.Ingest;

/// <summary>
/// Which parts of a stored state's JSON take its bytes: the top-level properties by size, each with how many items
/// it holds, and inside the largest object properties, their own largest property.
/// </summary>
public static class StateJsonBreakdown
{
    public static IEnumerable<string> Largest(string json, int count)
    {
        using var document = JsonDocument.Parse(json);
        var total = Encoding.UTF8.GetByteCount(json);
        foreach (var property in document.RootElement.EnumerateObject().OrderByDescending(Bytes).Take(count))
        {
            var bytes = Bytes(property);
            var inner = property.Value.ValueKind == JsonValueKind.Object && property.Value.EnumerateObject().Any()
                ? property.Value.EnumerateObject().MaxBy(Bytes)
                : (JsonProperty?)null;
            var innerText = inner is { } p && p.Value.ValueKind is JsonValueKind.Array or JsonValueKind.Object
                ? $"; largest inside: {p.Name} {Bytes(p):N0} B, {Items(p.Value)}"
                : "";
            yield return $"{property.Name,-20}{bytes,9:N0} B {100.0 * bytes / total,5:N1}%  {Items(property.Value)}{innerText}";
        }
    }

    private static int Bytes(JsonProperty property) => Encoding.UTF8.GetByteCount(property.Name) + 3 + Encoding.UTF8.GetByteCount(property.Value.GetRawText());

    private static string Items(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => $"{value.GetArrayLength():N0} items",
        JsonValueKind.Object => $"{value.EnumerateObject().Count():N0} properties",
        _ => "a value",
    };
}

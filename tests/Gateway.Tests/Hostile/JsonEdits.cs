using System.Text.Json.Nodes;

namespace Loyalty.Gateway.Tests.Hostile;

/// <summary>Writes a body with one field changed, in JSON text a serializer would never produce when need be.</summary>
public static class JsonEdits
{
    private const string RawMarker = "\"__raw_value__\"";

    /// <summary>The document with the value at <paramref name="path"/> ("tiers[0].name") set to raw JSON text.</summary>
    public static string WithRaw(string json, string path, string rawValue) =>
        With(json, path, JsonValue.Create("__raw_value__")).Replace(RawMarker, rawValue, StringComparison.Ordinal);

    public static string With(string json, string path, JsonNode? value)
    {
        var root = JsonNode.Parse(json)!;
        var (parent, last) = ParentOf(root, path);
        switch (last)
        {
            case int index:
                parent.AsArray()[index] = value;
                break;
            case string name:
                parent.AsObject()[name] = value;
                break;
        }

        return root.ToJsonString();
    }

    /// <summary>The document with its first field written twice, the second time with the same value.</summary>
    public static string WithFirstFieldTwice(string json)
    {
        var body = JsonNode.Parse(json)!.AsObject();
        var (name, value) = body.First();
        return json.TrimEnd()[..^1] + $",\"{name}\":{value!.ToJsonString()}}}";
    }

    public static string WithExtraField(string json, string name) =>
        json.TrimEnd()[..^1] + $",\"{name}\":1}}";

    public static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    public static string NestedObjects(int depth) =>
        string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    private static (JsonNode Parent, object Last) ParentOf(JsonNode root, string path)
    {
        var steps = path.Replace("[", ".[", StringComparison.Ordinal).Split('.')
            .Select(step => step.StartsWith('[') ? (object)int.Parse(step[1..^1], System.Globalization.CultureInfo.InvariantCulture) : step)
            .ToList();
        var node = root;
        foreach (var step in steps[..^1])
        {
            node = step is int index ? node[index]! : node[(string)step]!;
        }

        return (node, steps[^1]);
    }
}

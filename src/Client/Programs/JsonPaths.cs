namespace Loyalty.Client.Programs;

/// <summary>Turns System.Text.Json's "$.tiers[1].name" into the field name our errors use: "tiers[1].name".</summary>
public static class JsonPaths
{
    public static string ToField(string? path) => path switch
    {
        null or "" or "$" => "body",
        _ when path.StartsWith("$.", StringComparison.Ordinal) => path[2..],
        _ when path.StartsWith('$') => path[1..],
        _ => path,
    };
}

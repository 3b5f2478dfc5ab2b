using System.Text.Json;
using System.Text.Json.Nodes;

namespace Loyalty.Gateway.Audit;

/// <summary>What an admin action changed, as the audit log keeps it: its JSON body with secrets masked, bounded.</summary>
public static class AuditedChange
{
    public const int MaxLength = 16 * 1024;

    private const string Masked = "***";

    public static string? Describe(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        JsonNode? document;
        try
        {
            document = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return $"({body.Length} bytes, not JSON)";
        }

        Mask(document);
        var text = document?.ToJsonString() ?? "null";
        return text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength), "…");
    }

    /// <summary>Webhook secrets and anything else named as a secret never reach the log.</summary>
    private static void Mask(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject properties:
                foreach (var (name, value) in properties.ToList())
                {
                    if (IsSecret(name) && value is not null)
                    {
                        properties[name] = Masked;
                    }
                    else
                    {
                        Mask(value);
                    }
                }

                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    Mask(item);
                }

                break;
        }
    }

    private static bool IsSecret(string name) =>
        name.Contains("secret", StringComparison.OrdinalIgnoreCase) || name.Contains("password", StringComparison.OrdinalIgnoreCase)
        || name.Equals("token", StringComparison.OrdinalIgnoreCase);
}

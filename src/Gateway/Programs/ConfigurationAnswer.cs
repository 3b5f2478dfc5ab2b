using System.Text.Json.Nodes;

namespace Loyalty.Gateway.Programs;

/// <summary>
/// A stored configuration as the API answers it: the document as stored, except that a webhook's secret is never
/// sent back. Each webhook answers <c>"secret": null, "secretSet": true</c>; a PUT of that document keeps the secrets.
/// </summary>
public static class ConfigurationAnswer
{
    public static string WithoutSecrets(string configurationJson)
    {
        if (JsonNode.Parse(configurationJson) is not JsonObject { } document || document["webhooks"] is not JsonArray { Count: > 0 } webhooks)
        {
            return configurationJson;
        }

        foreach (var webhook in webhooks.OfType<JsonObject>())
        {
            var set = webhook["secret"] is not null;
            webhook["secret"] = null;
            webhook["secretSet"] = set;
        }

        return document.ToJsonString();
    }
}

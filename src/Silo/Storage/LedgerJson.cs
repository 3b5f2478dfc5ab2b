using System.Text.Json;
using System.Text.Json.Serialization;

namespace Loyalty.Silo.Storage;

/// <summary>How a stored ledger entry is written, in every durable profile: camelCase JSON, kinds by name.</summary>
internal static class LedgerJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}

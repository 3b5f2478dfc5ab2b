using System.Globalization;
using System.Text.RegularExpressions;

namespace Loyalty.Grains.Json;

/// <summary>
/// Instants in request bodies: ISO 8601 (the RFC 3339 profile) with seconds and an explicit offset, nothing else.
/// A lenient parser also takes "12/01/2026", RFC 1123 or a bare date, which servers read differently.
/// </summary>
public static partial class IsoInstant
{
    public const string Rule = "must be an ISO 8601 date-time with seconds and an offset, e.g. 2026-05-01T10:15:00+02:00";

    public static bool TryParse(string? text, out DateTimeOffset at)
    {
        at = default;
        if (text is null || Pattern().Match(text) is not { Success: true } match)
        {
            return false;
        }

        // .NET keeps 7 fraction digits; producers such as Java may send 9.
        var fraction = match.Groups["fraction"].Value.PadRight(7, '0')[..7];
        var offset = match.Groups["offset"].Value is "Z" or "z" ? "+00:00" : match.Groups["offset"].Value;
        return DateTimeOffset.TryParseExact(
            $"{match.Groups["date"].Value}T{match.Groups["time"].Value}.{fraction}{offset}",
            "yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out at);
    }

    [GeneratedRegex(
        @"\A(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})[Tt](?<time>[0-9]{2}:[0-9]{2}:[0-9]{2})(?:\.(?<fraction>[0-9]{1,9}))?(?<offset>[Zz]|[+-][0-9]{2}:[0-9]{2})\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

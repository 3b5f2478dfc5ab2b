namespace Loyalty.Domain;

/// <summary>Checks a program's CORS rules for <see cref="ProgramConfigValidator"/>.</summary>
internal static class CorsValidator
{
    public static void Validate(CorsRules? cors, Action<bool, string, string> check)
    {
        if (cors is null)
        {
            return;
        }

        check(cors.AllowedOrigins is not null, "cors.allowedOrigins", "must be a list of origins (empty for none)");
        var origins = cors.AllowedOrigins ?? [];
        check(origins.Count <= CorsRules.MaxOrigins, "cors.allowedOrigins", $"must have at most {CorsRules.MaxOrigins} origins");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < origins.Count; i++)
        {
            check(IsOrigin(origins[i]) && seen.Add(origins[i]), $"cors.allowedOrigins[{i}]",
                "must be a unique origin: http or https, a host and an optional port, nothing after it, such as https://shop.example");
        }
    }

    /// <summary>
    /// Exactly what a browser sends as <c>Origin</c>: no path (not even "/"), query, user name or default port, and
    /// never a wildcard, so each entry names one site.
    /// </summary>
    private static bool IsOrigin(string? origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.UserInfo.Length == 0
        && string.Equals(origin, uri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
}

using System.Text;
using System.Text.Json.Nodes;

namespace Loyalty.Gateway.Tests.Hostile;

/// <summary>The whole corpus: bodies, events, paths and queries, time zones, preconditions and the public routes.</summary>
public static class HostileCorpus
{
    public static IReadOnlyList<HostileCase> All { get; } =
    [
        .. BodyRoute.All.SelectMany(BodyCases.For),
        .. EventCases.All(),
        .. ActivityCases.All(),
        .. PathAndQueryCases.All(),
        .. TimeZones(),
        .. BirthDates(),
        .. Preconditions(),
        .. PublicRoutes(),
        .. SessionAndDashboardCases.All(),
    ];

    private static IEnumerable<HostileCase> TimeZones()
    {
        var configuration = BodyRoute.All[0];
        foreach (var zone in new[] { "Mars/Olympus", "", "../../etc/passwd", "UTC\u0000", "Europe/Rome ", "+25:00", "Local", "europe/rome\n", new string('Z', 10_000) })
        {
            yield return new(HostileCategory.InvalidTimeZone, configuration.Route, "PUT", configuration.Path,
                Encoding.UTF8.GetBytes(JsonEdits.With(configuration.ValidJson, "timeZone", JsonValue.Create(zone))), "application/json", Verdict.Refused, "timeZone");
        }
    }

    /// <summary>Birth dates that parse but no member has: before 1900 or after today.</summary>
    private static IEnumerable<HostileCase> BirthDates()
    {
        var profile = BodyRoute.All.Single(route => route.Route.Contains("profile", StringComparison.Ordinal));
        foreach (var date in new[] { "1899-12-31", "9999-12-31", "0001-01-01" })
        {
            yield return new(HostileCategory.InvalidDate, profile.Route, "PUT", profile.Path,
                Encoding.UTF8.GetBytes(JsonEdits.With(profile.ValidJson, "birthDate", JsonValue.Create(date))), "application/json", Verdict.Refused, "birthDate");
        }
    }

    /// <summary>If-Match is a version; anything else is refused naming the header, before the body is looked at.</summary>
    private static IEnumerable<HostileCase> Preconditions()
    {
        foreach (var route in BodyRoute.All.Where(route => route.Route.Contains("rewards", StringComparison.Ordinal) || route.Route == "PUT /v1/programs/{programId}/"))
        {
            foreach (var ifMatch in new[] { "\"abc\"", "W/\"1\"", "\"99999999999\"", "\"-1\"", "1,2" })
            {
                yield return new(HostileCategory.WrongType, route.Route, route.Method, route.Path, Encoding.UTF8.GetBytes(route.ValidJson), "application/json", Verdict.Refused, "If-Match")
                {
                    Headers = new Dictionary<string, string> { ["If-Match"] = ifMatch },
                };
            }
        }
    }

    /// <summary>Routes that read nothing from the request: hostile paths and queries must not break them.</summary>
    private static IEnumerable<HostileCase> PublicRoutes()
    {
        var megabyte = new string('q', 1 << 20);
        foreach (var (route, path) in new[]
        {
            ("GET /health/live", "/health/live"), ("GET /health/ready", "/health/ready"), ("GET /metrics", "/metrics"),
            ("GET /openapi/{documentName}.json", "/openapi/v1.json"), ("GET /docs/{documentName?}", "/docs/v1"),
            ("GET /docs/favicon.svg", "/docs/favicon.svg"), ("GET /docs/scalar.js", "/docs/scalar.js"), ("GET /docs/scalar.aspnetcore.js", "/docs/scalar.aspnetcore.js"),
        })
        {
            yield return new(HostileCategory.MegabyteString, route, "GET", $"{path}?x={megabyte}", null, null, Verdict.Harmless, null);
            yield return new(HostileCategory.ControlCharacters, route, "GET", $"{path}?x=%00%1B%0D%0A", null, null, Verdict.Harmless, null);
            yield return new(HostileCategory.MalformedJson, route, "GET", path, "{"u8.ToArray(), "application/json", Verdict.Harmless, null);
        }

        foreach (var path in new[] { "/openapi/..%2F..%2Fappsettings.json", "/openapi/%2e%2e.json", "/docs/..%2F..%2Fappsettings.json", "/docs/%2e%2e%2f%2e%2e%2fappsettings.json", "/openapi/v2.json" })
        {
            yield return new(HostileCategory.EncodedSlashOrDots, path.StartsWith("/docs", StringComparison.Ordinal) ? "GET /docs/{documentName?}" : "GET /openapi/{documentName}.json",
                "GET", path, null, null, Verdict.Harmless, null);
        }
    }
}

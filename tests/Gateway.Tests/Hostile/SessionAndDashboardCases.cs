using System.Text;

namespace Loyalty.Gateway.Tests.Hostile;

/// <summary>
/// Sign-in and sign-out with hostile keys, cookies and origins, and the Orleans dashboard's routes with hostile paths
/// and queries: refusals are problem+json, and nothing answers 5xx.
/// </summary>
public static class SessionAndDashboardCases
{
    private const string SignIn = "POST /v1/session/";
    private const string SignOut = "DELETE /v1/session/";
    private const string WhoAmI = "GET /v1/session/";

    /// <summary>Every route of the dashboard with a concrete path; the silo and grain names name nothing.</summary>
    private static readonly (string Route, string Path)[] Dashboard =
    [
        ("GET /dashboard/", "/dashboard"), ("GET /dashboard/index.html", "/dashboard/index.html"), ("GET /dashboard/favicon.ico", "/dashboard/favicon.ico"),
        ("GET /dashboard/index.min.js", "/dashboard/index.min.js"), ("GET /dashboard/index.css", "/dashboard/index.css"),
        ("GET /dashboard/fonts/{**path}", "/dashboard/fonts/x.woff"), ("GET /dashboard/img/{**path}", "/dashboard/img/x.png"),
        ("GET /dashboard/version", "/dashboard/version"), ("GET /dashboard/DashboardCounters", "/dashboard/DashboardCounters"),
        ("GET /dashboard/ClusterStats", "/dashboard/ClusterStats"), ("GET /dashboard/Reminders", "/dashboard/Reminders"),
        ("GET /dashboard/Reminders/{page:int}", "/dashboard/Reminders/2"), ("GET /dashboard/HistoricalStats/{*path}", "/dashboard/HistoricalStats/x"),
        ("GET /dashboard/SiloProperties/{*address}", "/dashboard/SiloProperties/x"), ("GET /dashboard/SiloMetadata/{*address}", "/dashboard/SiloMetadata/x"),
        ("GET /dashboard/SiloStats/{*address}", "/dashboard/SiloStats/x"), ("GET /dashboard/SiloCounters/{*address}", "/dashboard/SiloCounters/x"),
        ("GET /dashboard/GrainStats/{*grainName}", "/dashboard/GrainStats/x"), ("GET /dashboard/TopGrainMethods", "/dashboard/TopGrainMethods"),
        ("GET /dashboard/GrainState", "/dashboard/GrainState"), ("GET /dashboard/LifecycleStages", "/dashboard/LifecycleStages"),
        ("GET /dashboard/GrainTypes", "/dashboard/GrainTypes"), ("GET /dashboard/Trace", "/dashboard/Trace"),
    ];

    public static IEnumerable<HostileCase> All()
    {
        var megabyte = new string('q', 1 << 20);
        foreach (var (route, path) in Dashboard)
        {
            yield return new(HostileCategory.MegabyteString, route, "GET", $"{path}?x={megabyte}", null, null, Verdict.Harmless, null);
            yield return new(HostileCategory.ControlCharacters, route, "GET", $"{path}?x=%00%1B%0D%0A", null, null, Verdict.Harmless, null);
        }

        foreach (var (route, path) in new[]
        {
            ("GET /dashboard/fonts/{**path}", "/dashboard/fonts/..%2F..%2Fappsettings.json"), ("GET /dashboard/img/{**path}", "/dashboard/img/%2e%2e%2f%2e%2e%2fappsettings.json"),
            ("GET /dashboard/SiloStats/{*address}", "/dashboard/SiloStats/..%2F.."), ("GET /dashboard/SiloCounters/{*address}", "/dashboard/SiloCounters/127.0.0.1:1@%07"),
            ("GET /dashboard/HistoricalStats/{*path}", "/dashboard/HistoricalStats/%2e%2e"), ("GET /dashboard/GrainStats/{*grainName}", "/dashboard/GrainStats/..%2F%07"),
            ("GET /dashboard/GrainState", "/dashboard/GrainState?grainId=..%2F&grainType=%00"), ("GET /dashboard/GrainState", "/dashboard/GrainState?grainId=x&grainType=System.String"),
            ("GET /dashboard/Reminders/{page:int}", "/dashboard/Reminders/-1"), ("GET /dashboard/Reminders/{page:int}", "/dashboard/Reminders/99999999999"),
        })
        {
            yield return new(HostileCategory.EncodedSlashOrDots, route, "GET", path, null, null, Verdict.Harmless, null);
        }

        // A key that is no key is refused naming nothing but the credential; a sign-in from another site is refused.
        foreach (var key in new[] { "lk_bm9ib2R5.x.y", "lk_", "lk_Li4v.x.y", "~operator", new string('k', 400) })
        {
            yield return Body(HostileCategory.WrongType, SignIn, "POST", $$"""{"key":{{System.Text.Json.JsonSerializer.Serialize(key)}}}""", null);
        }

        yield return Body(HostileCategory.WrongType, SignIn, "POST", """{"key":""}""", "key");
        yield return Body(HostileCategory.MegabyteString, SignIn, "POST", $$"""{"key":"{{new string('k', 401)}}"}""", "key");
        yield return Body(HostileCategory.WrongType, SignIn, "POST", "{}", "key");
        yield return Body(HostileCategory.WrongType, SignIn, "POST", """{"key":null}""", "key");
        yield return Body(HostileCategory.WrongType, SignIn, "POST", $$"""{"key":"{{GatewayFixture.OperatorKey}}"}""", null) with
        {
            Headers = new Dictionary<string, string> { ["Origin"] = "https://attacker.example" },
        };

        // Sign-out reads nothing but its cookie: hostile cookies change nothing and break nothing.
        foreach (var cookie in new[] { "loyalty-session=ls_fm9wZXJhdG9y.AAAA", "loyalty-session=ls_Li4vdmljdGlt.x", "loyalty-session=%00%1B", "loyalty-session=ls_.", $"loyalty-session={new string('c', 4000)}" })
        {
            yield return new(HostileCategory.ControlCharacters, SignOut, "DELETE", "/v1/session", null, null, Verdict.Harmless, null)
            {
                Headers = new Dictionary<string, string> { ["Cookie"] = cookie },
            };

            // Asking who the browser is with a cookie that opens no session is a 401, never a guess.
            yield return new(HostileCategory.ControlCharacters, WhoAmI, "GET", "/v1/session", null, null, Verdict.Refused, null)
            {
                Headers = new Dictionary<string, string> { ["Cookie"] = cookie },
            };
        }
    }

    private static HostileCase Body(HostileCategory category, string route, string method, string json, string? field) =>
        new(category, route, method, "/v1/session", Encoding.UTF8.GetBytes(json), "application/json", Verdict.Refused, field);
}

namespace Loyalty.Gateway.Tests.Hostile;

/// <summary>Hostile ids in paths and values in queries: empty, blank, encoded slashes and dots, bad periods and pages.</summary>
public static class PathAndQueryCases
{
    /// <summary>Every route of the endpoint table with a concrete path; ids name things the corpus program does not hold.</summary>
    public static readonly IReadOnlyList<(string Route, string Method, string Path)> ProgramRoutes =
    [
        ("GET /v1/programs/{programId}/", "GET", "/v1/programs/{program}"),
        ("PUT /v1/programs/{programId}/", "PUT", "/v1/programs/{program}"),
        ("POST /v1/programs/{programId}/events", "POST", "/v1/programs/{program}/events"),
        ("GET /v1/programs/{programId}/members/", "GET", "/v1/programs/{program}/members"),
        ("GET /v1/programs/{programId}/members/{memberId}/", "GET", "/v1/programs/{program}/members/victim"),
        ("GET /v1/programs/{programId}/members/{memberId}/ledger", "GET", "/v1/programs/{program}/members/victim/ledger"),
        ("GET /v1/programs/{programId}/members/{memberId}/live", "GET", "/v1/programs/{program}/members/victim/live?period=bad"),
        ("PUT /v1/programs/{programId}/members/{memberId}/profile/", "PUT", "/v1/programs/{program}/members/victim/profile"),
        ("POST /v1/programs/{programId}/members/{memberId}/redemptions/", "POST", "/v1/programs/{program}/members/victim/redemptions"),
        ("GET /v1/programs/{programId}/members/{memberId}/redemptions/{redemptionId}", "GET", "/v1/programs/{program}/members/victim/redemptions/r-1"),
        ("DELETE /v1/programs/{programId}/members/{memberId}/redemptions/{redemptionId}", "DELETE", "/v1/programs/{program}/members/victim/redemptions/r-1"),
        ("POST /v1/programs/{programId}/members/{memberId}/adjustments/", "POST", "/v1/programs/{program}/members/victim/adjustments"),
        ("POST /v1/programs/{programId}/members/{memberId}/referral-code", "POST", "/v1/programs/{program}/members/victim/referral-code"),
        ("POST /v1/programs/{programId}/members/{memberId}/referrer", "POST", "/v1/programs/{program}/members/victim/referrer"),
        ("POST /v1/programs/{programId}/members/{memberId}/tokens/", "POST", "/v1/programs/{program}/members/victim/tokens"),
        ("GET /v1/programs/{programId}/members/{memberId}/export", "GET", "/v1/programs/{program}/members/victim/export"),
        ("DELETE /v1/programs/{programId}/members/{memberId}/", "DELETE", "/v1/programs/{program}/members/victim"),
        ("GET /v1/programs/{programId}/leaderboards/{board}/", "GET", "/v1/programs/{program}/leaderboards/points"),
        ("GET /v1/programs/{programId}/leaderboards/{board}/members/{memberId}", "GET", "/v1/programs/{program}/leaderboards/points/members/victim"),
        ("GET /v1/programs/{programId}/leaderboards/{board}/live", "GET", "/v1/programs/{program}/leaderboards/points/live?period=bad"),
        ("GET /v1/programs/{programId}/rewards/", "GET", "/v1/programs/{program}/rewards"),
        ("GET /v1/programs/{programId}/rewards/{rewardId}/", "GET", "/v1/programs/{program}/rewards/mug"),
        ("PUT /v1/programs/{programId}/rewards/{rewardId}/", "PUT", "/v1/programs/{program}/rewards/mug"),
        ("GET /v1/programs/{programId}/challenges/", "GET", "/v1/programs/{program}/challenges"),
        ("GET /v1/programs/{programId}/challenges/{challengeId}/", "GET", "/v1/programs/{program}/challenges/march"),
        ("PUT /v1/programs/{programId}/challenges/{challengeId}/", "PUT", "/v1/programs/{program}/challenges/march"),
        ("GET /v1/programs/{programId}/challenges/{challengeId}/completions", "GET", "/v1/programs/{program}/challenges/march/completions"),
        ("GET /v1/programs/{programId}/challenges/{challengeId}/leaderboard", "GET", "/v1/programs/{program}/challenges/march/leaderboard"),
        ("GET /v1/programs/{programId}/challenges/{challengeId}/leaderboard/members/{memberId}", "GET", "/v1/programs/{program}/challenges/march/leaderboard/members/victim"),
        ("GET /v1/programs/{programId}/dead-letters/", "GET", "/v1/programs/{program}/dead-letters"),
        ("POST /v1/programs/{programId}/dead-letters/replay", "POST", "/v1/programs/{program}/dead-letters/replay"),
        ("POST /v1/programs/{programId}/dead-letters/discard", "POST", "/v1/programs/{program}/dead-letters/discard"),
        ("GET /v1/programs/{programId}/keys/", "GET", "/v1/programs/{program}/keys"),
        ("POST /v1/programs/{programId}/keys/", "POST", "/v1/programs/{program}/keys"),
        ("DELETE /v1/programs/{programId}/keys/{keyId}", "DELETE", "/v1/programs/{program}/keys/k-1"),
        ("GET /v1/programs/{programId}/audit/", "GET", "/v1/programs/{program}/audit"),
        ("GET /v1/programs/{programId}/token-signing/", "GET", "/v1/programs/{program}/token-signing"),
        ("GET /v1/programs/{programId}/kpis/", "GET", "/v1/programs/{program}/kpis"),
        ("GET /v1/programs/{programId}/kpis/daily", "GET", "/v1/programs/{program}/kpis/daily?from=2026-01-01&to=2026-01-31"),
    ];

    /// <summary>Program ids no program may have, each with the category it stands for.</summary>
    private static readonly (HostileCategory Category, string Id)[] BadProgramIds =
    [
        (HostileCategory.EmptyOrWhitespaceId, "%20"),
        (HostileCategory.EmptyOrWhitespaceId, "%09"),
        (HostileCategory.EncodedSlashOrDots, "a%2Fb"),
        (HostileCategory.EncodedSlashOrDots, "%2e%2e"),
    ];

    public static IEnumerable<HostileCase> All()
    {
        foreach (var (route, method, path) in ProgramRoutes)
        {
            var body = method is "PUT" or "POST" ? "{}"u8.ToArray() : null;
            foreach (var (category, id) in BadProgramIds)
            {
                yield return new(category, route, method, path.Replace("{program}", id, StringComparison.Ordinal), body, "application/json", Verdict.Refused,
                    id == "%2e%2e" ? null : "programId");
            }
        }

        foreach (var (category, id, field) in new[]
        {
            (HostileCategory.EmptyOrWhitespaceId, "%20", "memberId"), (HostileCategory.EmptyOrWhitespaceId, "%0D%0A", "memberId"),
            (HostileCategory.EncodedSlashOrDots, "..%2Fvictim", "memberId"), (HostileCategory.EncodedSlashOrDots, "%2E%2E%5Cx", "memberId"),
            (HostileCategory.ControlCharacters, "x%07", "memberId"), (HostileCategory.ControlCharacters, "x%1B", "memberId"),
        })
        {
            yield return Get(category, "GET /v1/programs/{programId}/members/{memberId}/", $"/v1/programs/{{program}}/members/{id}", field);
            yield return Get(category, "GET /v1/programs/{programId}/leaderboards/{board}/members/{memberId}", $"/v1/programs/{{program}}/leaderboards/points/members/{id}", field);
            yield return Get(category, "GET /v1/programs/{programId}/members/{memberId}/export", $"/v1/programs/{{program}}/members/{id}/export", field);
            yield return new(category, "DELETE /v1/programs/{programId}/members/{memberId}/", "DELETE", $"/v1/programs/{{program}}/members/{id}", null, "application/json", Verdict.Refused, field);
        }

        yield return Get(HostileCategory.EmptyOrWhitespaceId, "GET /v1/programs/{programId}/rewards/{rewardId}/", "/v1/programs/{program}/rewards/%20", "rewardId");
        yield return Get(HostileCategory.EncodedSlashOrDots, "GET /v1/programs/{programId}/challenges/{challengeId}/", "/v1/programs/{program}/challenges/..%2Fx", "challengeId");
        yield return Get(HostileCategory.ControlCharacters, "GET /v1/programs/{programId}/members/{memberId}/redemptions/{redemptionId}", "/v1/programs/{program}/members/victim/redemptions/r%7F", "redemptionId");
        yield return Get(HostileCategory.EmptyOrWhitespaceId, "GET /v1/programs/{programId}/members/{memberId}/redemptions/{redemptionId}", "/v1/programs/{program}/members/victim/redemptions/%20", "redemptionId");

        foreach (var period in new[] { "2026-13", "2026-W54", "2026-02-30", "9999-01", "all%20", "..%2Fall", "2026-1-1", "%07", "2026-W00", "-2026-01" })
        {
            yield return Get(HostileCategory.InvalidPeriod, "GET /v1/programs/{programId}/leaderboards/{board}/", $"/v1/programs/{{program}}/leaderboards/points?period={period}", "period");
        }

        yield return Get(HostileCategory.InvalidPeriod, "GET /v1/programs/{programId}/leaderboards/{board}/members/{memberId}", "/v1/programs/{program}/leaderboards/spend/members/victim?period=2026-00", "period");
        yield return Get(HostileCategory.InvalidPeriod, "GET /v1/programs/{programId}/leaderboards/{board}/live", "/v1/programs/{program}/leaderboards/points/live?period=2026-W99", "period");
        yield return Get(HostileCategory.InvalidPeriod, "GET /v1/programs/{programId}/members/{memberId}/live", "/v1/programs/{program}/members/victim/live?period=1e309", "period");

        foreach (var (route, path, parameter, values) in PagedRoutes)
        {
            foreach (var value in values)
            {
                yield return Get(HostileCategory.PagingAbuse, route, $"{path}{(path.Contains('?') ? '&' : '?')}{parameter}={value}", parameter);
            }
        }
    }

    private static readonly string[] Limits = ["-1", "0", "100000", "1e9", "abc", "99999999999999999999", "", "1.5", "%2B1%20OR%201=1"];

    private static readonly (string Route, string Path, string Parameter, string[] Values)[] PagedRoutes =
    [
        ("GET /v1/programs/{programId}/members/{memberId}/ledger", "/v1/programs/{program}/members/victim/ledger", "limit", Limits),
        ("GET /v1/programs/{programId}/members/{memberId}/ledger", "/v1/programs/{program}/members/victim/ledger", "offset", ["-1", "2147483648", "x"]),
        ("GET /v1/programs/{programId}/rewards/", "/v1/programs/{program}/rewards", "limit", Limits),
        ("GET /v1/programs/{programId}/rewards/", "/v1/programs/{program}/rewards", "offset", ["-5", "1e3"]),
        ("GET /v1/programs/{programId}/dead-letters/", "/v1/programs/{program}/dead-letters", "limit", Limits),
        ("GET /v1/programs/{programId}/audit/", "/v1/programs/{program}/audit", "limit", Limits),
        ("GET /v1/programs/{programId}/members/", "/v1/programs/{program}/members", "limit", Limits),
        ("GET /v1/programs/{programId}/members/", "/v1/programs/{program}/members", "cursor", ["x", "%00", "Li4vdmljdGlt", "", "%2e%2e%2f", new string('A', 2000)]),
        ("GET /v1/programs/{programId}/members/", "/v1/programs/{program}/members", "tier", ["platinum", "", "%20", "member%00", "..%2Fmember"]),
        ("GET /v1/programs/{programId}/members/", "/v1/programs/{program}/members", "prefix", ["", "%20", "a%2Fb", "..", "x%07", new string('a', 129)]),
        ("GET /v1/programs/{programId}/audit/", "/v1/programs/{program}/audit", "before", ["0", "-1", "x", "99999999999999999999"]),
        ("GET /v1/programs/{programId}/challenges/{challengeId}/completions", "/v1/programs/{program}/challenges/march/completions", "limit", ["0", "1001", "-1"]),
        ("GET /v1/programs/{programId}/challenges/{challengeId}/completions", "/v1/programs/{program}/challenges/march/completions", "offset", ["-1", "99999999999"]),
        ("GET /v1/programs/{programId}/challenges/{challengeId}/leaderboard", "/v1/programs/{program}/challenges/march/leaderboard", "top", ["0", "1001", "NaN"]),
        ("GET /v1/programs/{programId}/challenges/{challengeId}/leaderboard/members/{memberId}", "/v1/programs/{program}/challenges/march/leaderboard/members/victim", "around", ["-1", "101", "true"]),
        ("GET /v1/programs/{programId}/leaderboards/{board}/", "/v1/programs/{program}/leaderboards/points", "top", ["0", "1001", "-2147483649", "0x10"]),
        ("GET /v1/programs/{programId}/leaderboards/{board}/members/{memberId}", "/v1/programs/{program}/leaderboards/points/members/victim", "around", ["-1", "101", "1e1"]),
        ("GET /v1/programs/{programId}/leaderboards/{board}/live", "/v1/programs/{program}/leaderboards/points/live", "top", ["0", "101", "x"]),
        ("GET /v1/programs/{programId}/members/{memberId}/live", "/v1/programs/{program}/members/victim/live", "around", ["-1", "101", "x"]),
        ("GET /v1/programs/{programId}/kpis/", "/v1/programs/{program}/kpis", "by", ["", "tiers", "TIER", "member", "tier%00", "%2Fsegment"]),
        ("GET /v1/programs/{programId}/kpis/daily", "/v1/programs/{program}/kpis/daily?to=2026-01-31", "from", ["", "2026-02-30", "01/01/2026", "2026-1-1", "0000-01-01", "2026-01-01T00:00Z", "1e9"]),
        ("GET /v1/programs/{programId}/kpis/daily", "/v1/programs/{program}/kpis/daily?from=2026-01-01", "to", ["", "2025-12-31", "2027-01-02", "9999-99-99", "today"]),
    ];

    private static HostileCase Get(HostileCategory category, string route, string path, string? field) =>
        new(category, route, "GET", path, null, null, Verdict.Refused, field);
}

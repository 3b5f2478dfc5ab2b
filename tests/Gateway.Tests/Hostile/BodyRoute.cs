namespace Loyalty.Gateway.Tests.Hostile;

/// <summary>How a field of a body is written, so the corpus knows which wrong types and bad values to try.</summary>
public enum FieldKind
{
    Text,
    Integer,
    Instant,
    LocalDate,
    Object,
    Array,
}

/// <summary>A field of a request body at a path such as <c>tiers[0].name</c>, as the gateway names it in errors.</summary>
public sealed record BodyField(string Path, FieldKind Kind);

/// <summary>A route that reads a JSON object body, with a body it would accept and the fields of that body.</summary>
public sealed record BodyRoute(string Route, string Method, string Path, string ValidJson, IReadOnlyList<BodyField> Fields)
{
    public IEnumerable<BodyField> Of(FieldKind kind) => Fields.Where(field => field.Kind == kind);

    /// <summary>Every route of the gateway that reads a JSON object body, aimed at the corpus program and member.</summary>
    public static readonly IReadOnlyList<BodyRoute> All =
    [
        new("PUT /v1/programs/{programId}/", "PUT", "/v1/programs/{program}", Programs.Configuration,
        [
            new("name", FieldKind.Text), new("timeZone", FieldKind.Text), new("currency", FieldKind.Text),
            new("pointsPerUnit", FieldKind.Integer), new("returnWindowDays", FieldKind.Integer),
            new("leaderboardRetention", FieldKind.Object), new("leaderboardRetention.days", FieldKind.Integer),
            new("tiers", FieldKind.Array), new("tiers[0].name", FieldKind.Text), new("tiers[1].qualifyingSpendMinor", FieldKind.Integer),
        ]),
        new("PUT /v1/programs/{programId}/rewards/{rewardId}/", "PUT", "/v1/programs/{program}/rewards/mug",
            """{"name":"Mug","costPoints":5,"stock":1,"perMemberLimit":1,"validFrom":"2026-01-01T00:00:00Z","validTo":"2027-01-01T00:00:00Z"}""",
        [
            new("name", FieldKind.Text), new("costPoints", FieldKind.Integer), new("stock", FieldKind.Integer),
            new("perMemberLimit", FieldKind.Integer), new("validFrom", FieldKind.Instant), new("validTo", FieldKind.Instant),
        ]),
        new("PUT /v1/programs/{programId}/challenges/{challengeId}/", "PUT", "/v1/programs/{program}/challenges/march",
            """{"name":"March","start":"2026-03-01","end":"2026-04-01","goal":{"kind":"purchases","target":1},"reward":{"points":1},"maxWinners":10}""",
        [
            new("name", FieldKind.Text), new("start", FieldKind.LocalDate), new("end", FieldKind.LocalDate),
            new("goal", FieldKind.Object), new("goal.kind", FieldKind.Text), new("goal.target", FieldKind.Integer),
            new("reward", FieldKind.Object), new("reward.points", FieldKind.Integer), new("maxWinners", FieldKind.Integer),
        ]),
        new("PUT /v1/programs/{programId}/members/{memberId}/profile/", "PUT", "/v1/programs/{program}/members/victim/profile",
            """{"birthDate":"1990-05-17"}""", [new("birthDate", FieldKind.LocalDate)]),
        new("POST /v1/programs/{programId}/members/{memberId}/redemptions/", "POST", "/v1/programs/{program}/members/victim/redemptions",
            """{"rewardId":"mug","redemptionId":"r-1"}""", [new("rewardId", FieldKind.Text), new("redemptionId", FieldKind.Text)]),
        new("POST /v1/programs/{programId}/members/{memberId}/adjustments/", "POST", "/v1/programs/{program}/members/victim/adjustments",
            """{"adjustmentId":"adj-1","points":50,"reason":"late delivery"}""",
            [new("adjustmentId", FieldKind.Text), new("points", FieldKind.Integer), new("reason", FieldKind.Text)]),
        new("POST /v1/programs/{programId}/members/{memberId}/referrer", "POST", "/v1/programs/{program}/members/victim/referrer",
            """{"code":"ABCD1234"}""", [new("code", FieldKind.Text)]),
        new("POST /v1/programs/{programId}/dead-letters/replay", "POST", "/v1/programs/{program}/dead-letters/replay",
            """{"eventIds":["e-1"]}""", [new("eventIds", FieldKind.Array)]),
        new("POST /v1/programs/{programId}/dead-letters/discard", "POST", "/v1/programs/{program}/dead-letters/discard",
            """{"eventIds":["e-1"]}""", [new("eventIds", FieldKind.Array)]),
        new("POST /v1/programs/{programId}/keys/", "POST", "/v1/programs/{program}/keys",
            """{"name":"till","role":"producer","expiresAt":"2030-01-01T00:00:00Z"}""",
            [new("name", FieldKind.Text), new("role", FieldKind.Text), new("expiresAt", FieldKind.Instant)]),
        new("POST /v1/session/", "POST", "/v1/session", """{"key":"lk_bm9ib2R5.x.y"}""", [new("key", FieldKind.Text)]),
    ];
}

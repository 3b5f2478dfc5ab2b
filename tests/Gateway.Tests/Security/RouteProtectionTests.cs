using System.Net;
using System.Net.Http.Json;
using System.Text;
using Loyalty.Gateway.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;

namespace Loyalty.Gateway.Tests.Security;

/// <summary>
/// Every route of the gateway's endpoint table, walked: each declares who may call it, and each refuses a request
/// without a credential (401), with a key of another program (403) and with too weak a role (403), and lets the
/// right role through.
/// </summary>
public sealed class RouteProtectionTests(GatewayFixture gateway)
{
    private readonly HttpClient operatorClient = gateway.CreateClient();

    private IEnumerable<(RouteEndpoint Endpoint, string Method)> Routes() =>
        GatewayRoutes.All(gateway.Services).Select(route => (route.Endpoint, route.Method));

    private const string Everyone = "everyone";

    private static string? PolicyOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null ? Everyone
        : endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(data => data.Policy).LastOrDefault();

    [Fact]
    public void Every_route_declares_who_may_call_it()
    {
        var undeclared = Routes().Where(route => PolicyOf(route.Endpoint) is null)
            .Select(route => $"{route.Method} {route.Endpoint.RoutePattern.RawText}").ToList();

        Assert.True(Routes().Count() > 30, "the walk found the gateway's routes");
        Assert.Empty(undeclared);
    }

    [Fact]
    public void Each_route_asks_for_the_role_the_api_documents()
    {
        var declared = Routes().ToDictionary(route => $"{route.Method} {route.Endpoint.RoutePattern.RawText}", route => PolicyOf(route.Endpoint));

        Assert.Equal(DocumentedRoles.OrderBy(r => r.Key), declared.OrderBy(r => r.Key));
    }

    [Fact]
    public async Task Every_route_refuses_no_credential_another_program_and_a_weaker_role_and_lets_the_right_role_in()
    {
        var program = await Programs.Create(operatorClient);
        var other = await Programs.Create(operatorClient);
        var clients = new Dictionary<string, HttpClient>
        {
            ["none"] = Keys.ClientWith(gateway, null),
            ["other-admin"] = await Keys.ClientOf(gateway, operatorClient, other, "admin"),
            ["producer"] = await Keys.ClientOf(gateway, operatorClient, program, "producer"),
            ["app"] = await Keys.ClientOf(gateway, operatorClient, program, "app"),
            ["admin"] = await Keys.ClientOf(gateway, operatorClient, program, "admin"),
            ["operator"] = operatorClient,
        };
        clients["member"] = Keys.ClientWith(gateway, await MemberToken(clients["app"], program, "x-memberId"));
        clients["other-member"] = Keys.ClientWith(gateway, await MemberToken(clients["app"], program, "someone-else"));

        var failures = new List<string>();
        foreach (var (endpoint, method) in Routes())
        {
            var policy = PolicyOf(endpoint)!;
            if (policy == Everyone)
            {
                continue;
            }

            var path = PathOf(endpoint, program);
            var (weaker, right) = policy switch
            {
                Access.Producer => ("app", "producer"),
                Access.App or Access.AppOrMembers or Access.AppOrTheMember => ("producer", "app"),
                Access.Admin => ("app", "admin"),
                _ => ("admin", "operator"),
            };
            var expectations = new (string Client, Func<HttpStatusCode, bool> Holds, string Expected)[]
            {
                ("none", status => status == HttpStatusCode.Unauthorized, "401"),
                ("other-admin", status => status == HttpStatusCode.Forbidden, "403"),
                (weaker, status => status == HttpStatusCode.Forbidden, "403"),
                (right, Allowed, "neither 401, 403 nor 5xx"),
                ("member", policy is Access.AppOrTheMember or Access.AppOrMembers ? Allowed : Refused, "its own member's routes and what every member sees"),
                ("other-member", policy is Access.AppOrMembers ? Allowed : Refused, "only what every member sees"),
            };
            foreach (var (client, holds, expected) in expectations)
            {
                var status = await Send(clients[client], method, path);
                if (!holds(status))
                {
                    failures.Add($"{method} {path} ({policy}) as {client}: {(int)status}, expected {expected}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // The README's route table says the same; a new route or a changed role is a deliberate change of both.
    private static readonly Dictionary<string, string?> DocumentedRoles = new()
    {
        ["DELETE /v1/programs/{programId}/keys/{keyId}"] = Access.Admin,
        ["DELETE /v1/programs/{programId}/members/{memberId}/"] = Access.Admin,
        ["DELETE /v1/programs/{programId}/members/{memberId}/redemptions/{redemptionId}"] = Access.AppOrTheMember,
        ["DELETE /v1/session/"] = Everyone,
        ["GET /v1/session/"] = Everyone,
        ["POST /v1/session/"] = Everyone,
        ["GET /dashboard/"] = Access.Operator,
        ["GET /dashboard/index.html"] = Access.Operator,
        ["GET /dashboard/favicon.ico"] = Access.Operator,
        ["GET /dashboard/index.min.js"] = Access.Operator,
        ["GET /dashboard/index.css"] = Access.Operator,
        ["GET /dashboard/fonts/{**path}"] = Access.Operator,
        ["GET /dashboard/img/{**path}"] = Access.Operator,
        ["GET /dashboard/version"] = Access.Operator,
        ["GET /dashboard/DashboardCounters"] = Access.Operator,
        ["GET /dashboard/ClusterStats"] = Access.Operator,
        ["GET /dashboard/Reminders"] = Access.Operator,
        ["GET /dashboard/Reminders/{page:int}"] = Access.Operator,
        ["GET /dashboard/HistoricalStats/{*path}"] = Access.Operator,
        ["GET /dashboard/SiloProperties/{*address}"] = Access.Operator,
        ["GET /dashboard/SiloMetadata/{*address}"] = Access.Operator,
        ["GET /dashboard/SiloStats/{*address}"] = Access.Operator,
        ["GET /dashboard/SiloCounters/{*address}"] = Access.Operator,
        ["GET /dashboard/GrainStats/{*grainName}"] = Access.Operator,
        ["GET /dashboard/TopGrainMethods"] = Access.Operator,
        ["GET /dashboard/GrainState"] = Access.Operator,
        ["GET /dashboard/LifecycleStages"] = Access.Operator,
        ["GET /dashboard/GrainTypes"] = Access.Operator,
        ["GET /dashboard/Trace"] = Access.Operator,
        ["GET /docs/{documentName?}"] = Everyone,
        ["GET /docs/favicon.svg"] = Everyone,
        ["GET /docs/scalar.aspnetcore.js"] = Everyone,
        ["GET /docs/scalar.js"] = Everyone,
        ["GET /health/live"] = Everyone,
        ["GET /health/ready"] = Everyone,
        ["GET /metrics"] = Access.Operator,
        ["GET /openapi/{documentName}.json"] = Everyone,
        ["GET /v1/programs/{programId}/"] = Access.Admin,
        ["GET /v1/programs/{programId}/audit/"] = Access.Admin,
        ["GET /v1/programs/{programId}/challenges/"] = Access.AppOrMembers,
        ["GET /v1/programs/{programId}/challenges/{challengeId}/"] = Access.AppOrMembers,
        ["GET /v1/programs/{programId}/challenges/{challengeId}/completions"] = Access.AppOrMembers,
        ["GET /v1/programs/{programId}/challenges/{challengeId}/leaderboard"] = Access.AppOrMembers,
        ["GET /v1/programs/{programId}/challenges/{challengeId}/leaderboard/members/{memberId}"] = Access.AppOrTheMember,
        ["GET /v1/programs/{programId}/dead-letters/"] = Access.Admin,
        ["GET /v1/programs/{programId}/keys/"] = Access.Admin,
        ["GET /v1/programs/{programId}/leaderboards/{board}/"] = Access.AppOrMembers,
        ["GET /v1/programs/{programId}/leaderboards/{board}/live"] = Access.AppOrMembers,
        ["GET /v1/programs/{programId}/leaderboards/{board}/members/{memberId}"] = Access.AppOrTheMember,
        ["GET /v1/programs/{programId}/members/"] = Access.Admin,
        ["GET /v1/programs/{programId}/members/{memberId}/"] = Access.AppOrTheMember,
        ["GET /v1/programs/{programId}/members/{memberId}/export"] = Access.Admin,
        ["GET /v1/programs/{programId}/members/{memberId}/ledger"] = Access.AppOrTheMember,
        ["GET /v1/programs/{programId}/members/{memberId}/live"] = Access.AppOrTheMember,
        ["GET /v1/programs/{programId}/members/{memberId}/redemptions/{redemptionId}"] = Access.AppOrTheMember,
        ["GET /v1/programs/{programId}/rewards/"] = Access.AppOrMembers,
        ["GET /v1/programs/{programId}/token-signing/"] = Access.Admin,
        ["GET /v1/programs/{programId}/kpis/"] = Access.Admin,
        ["GET /v1/programs/{programId}/kpis/daily"] = Access.Admin,
        ["GET /v1/programs/{programId}/rewards/{rewardId}/"] = Access.AppOrMembers,
        ["POST /v1/programs/{programId}/dead-letters/discard"] = Access.Admin,
        ["POST /v1/programs/{programId}/dead-letters/replay"] = Access.Admin,
        ["POST /v1/programs/{programId}/events"] = Access.Producer,
        ["POST /v1/programs/{programId}/keys/"] = Access.Admin,
        ["POST /v1/programs/{programId}/members/{memberId}/redemptions/"] = Access.AppOrTheMember,
        ["POST /v1/programs/{programId}/members/{memberId}/adjustments/"] = Access.Admin,
        ["POST /v1/programs/{programId}/members/{memberId}/referral-code"] = Access.AppOrTheMember,
        ["POST /v1/programs/{programId}/members/{memberId}/referrer"] = Access.AppOrTheMember,
        ["POST /v1/programs/{programId}/members/{memberId}/tokens/"] = Access.App,
        ["PUT /v1/programs/{programId}/"] = Access.Admin,
        ["PUT /v1/programs/{programId}/challenges/{challengeId}/"] = Access.Admin,
        ["PUT /v1/programs/{programId}/members/{memberId}/profile/"] = Access.App,
        ["PUT /v1/programs/{programId}/rewards/{rewardId}/"] = Access.Admin,
    };

    private static bool Allowed(HttpStatusCode status) => status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)status < 500;

    private static bool Refused(HttpStatusCode status) => status == HttpStatusCode.Forbidden;

    private static async Task<string> MemberToken(HttpClient app, string program, string memberId)
    {
        var response = await app.PostAsync($"/v1/programs/{program}/members/{memberId}/tokens", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(TestContext.Current.CancellationToken))!["token"]!.GetValue<string>();
    }

    private static string PathOf(RouteEndpoint endpoint, string program)
    {
        var path = new StringBuilder();
        foreach (var segment in endpoint.RoutePattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "programId" } => program,
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "board" } => "points",
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => $"x-{parameter.Name}",
                    _ => "",
                });
            }
        }

        return path.ToString();
    }

    /// <summary>GETs go as HEAD, which every GET answers: a live feed then answers its headers without streaming.</summary>
    private static async Task<HttpStatusCode> Send(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(method == "GET" ? HttpMethod.Head : new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}

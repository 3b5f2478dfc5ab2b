using Loyalty.Gateway.Http;
using Loyalty.Grains.Interfaces.Security;
using Microsoft.AspNetCore.Authorization;

namespace Loyalty.Gateway.Security;

/// <summary>
/// What each route asks of its caller, declared where the route is mapped. A route that declares nothing falls to
/// the fallback policy (operator only), and the route-protection test fails on it. Each declares its 401 and 403
/// answers for the API's description, and those open to keys and members their 429 (<c>Loyalty:RateLimits</c>).
/// </summary>
public static class Access
{
    public const string Producer = "producer";
    public const string App = "app";
    public const string AppOrTheMember = "app-or-the-member";
    public const string AppOrMembers = "app-or-members";
    public const string Admin = "admin";
    public const string Operator = "operator";

    public static void AddPolicies(AuthorizationOptions authorization)
    {
        authorization.AddPolicy(Producer, policy => policy.AddRequirements(new ProgramAccess(ApiRole.Producer, MemberAccess.None)));
        authorization.AddPolicy(App, policy => policy.AddRequirements(new ProgramAccess(ApiRole.App, MemberAccess.None)));
        authorization.AddPolicy(AppOrTheMember, policy => policy.AddRequirements(new ProgramAccess(ApiRole.App, MemberAccess.TheMember)));
        authorization.AddPolicy(AppOrMembers, policy => policy.AddRequirements(new ProgramAccess(ApiRole.App, MemberAccess.AnyMember)));
        authorization.AddPolicy(Admin, policy => policy.AddRequirements(new ProgramAccess(ApiRole.Admin, MemberAccess.None)));
        authorization.AddPolicy(Operator, policy => policy.AddRequirements(new OperatorAccess()));
        authorization.FallbackPolicy = authorization.GetPolicy(Operator);
    }

    /// <summary>Posting events: producer keys (and admins, the operator).</summary>
    public static TBuilder ForProducers<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Producer).AnsweringProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status429TooManyRequests);

    /// <summary>What apps do: app keys (and admins, the operator).</summary>
    public static TBuilder ForApps<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(App).AnsweringProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status429TooManyRequests);

    /// <summary>What apps do, and a member token for the member the route names.</summary>
    public static TBuilder ForAppsAndTheMember<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(AppOrTheMember).AnsweringProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status429TooManyRequests);

    /// <summary>What apps show every member (boards, rewards, challenges): app keys and any member token of the program.</summary>
    public static TBuilder ForAppsAndMembers<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(AppOrMembers).AnsweringProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status429TooManyRequests);

    public static TBuilder ForAdmins<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Admin).AnsweringProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status429TooManyRequests);

    public static TBuilder ForOperators<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Operator).AnsweringProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

    /// <summary>Open to anyone: health, the API's description, the page.</summary>
    public static TBuilder ForEveryone<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AllowAnonymous();
}

/// <summary>A route of one program (its <c>programId</c> route value) needing at least <paramref name="Role"/>.</summary>
public sealed record ProgramAccess(ApiRole Role, MemberAccess Members) : IAuthorizationRequirement;

/// <summary>Which member tokens of the route's program pass as well.</summary>
public enum MemberAccess
{
    None,

    /// <summary>The token of the member the route's <c>memberId</c> names.</summary>
    TheMember,

    /// <summary>Any member's token.</summary>
    AnyMember,
}

public sealed record OperatorAccess : IAuthorizationRequirement;

using Loyalty.Client;
using Loyalty.Gateway.Http;
using Loyalty.Grains.Interfaces.Security;
using Microsoft.Extensions.Options;

namespace Loyalty.Gateway.Security;

/// <summary>
/// Browser sign-in for the pages that cannot send a header (the Orleans dashboard, admin pages): the operator key or
/// an admin key, posted once, becomes a session cookie that stands for that key on every route until sign-out.
/// </summary>
public static class SessionEndpoints
{
    public const int MaxKeyLength = 400;

    public static void MapSessionEndpoints(this IEndpointRouteBuilder routes)
    {
        var session = routes.MapGroup("/v1/session").WithTags("Session").ForEveryone()
            .AnsweringProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        session.MapPost("", async (HttpRequest request, KeyHolders holders, IGrainFactory grains, SessionCache cache, OperatorKey operatorKey,
            IOptions<SecurityOptions> options, [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock) =>
        {
            var (body, problem) = await JsonBody.Read<SignIn>(request);
            if (problem is not null)
            {
                return problem;
            }

            if (string.IsNullOrEmpty(body!.Key) || body.Key.Length > MaxKeyLength || body.Key.Any(c => char.IsControl(c) || char.IsSurrogate(c)))
            {
                return Problems.Invalid("key", $"must be a key of this service: 1-{MaxKeyLength} printable characters");
            }

            var caller = await holders.Of(body.Key, SessionAuthenticationHandler.Name);
            if (caller is null)
            {
                return Problems.Unauthorized("The key is unknown, revoked or expired.");
            }

            if (!caller.IsOperator() && caller.Role() != ApiRole.Admin)
            {
                return Problems.Forbidden("Only the operator key and admin keys sign in; other keys are sent as a bearer credential.");
            }

            var now = clock.GetUtcNow();
            var scope = caller.IsOperator() ? ISignInSessionsGrain.OperatorScope : caller.ProgramId()!;
            var (cookie, secretHash) = SessionCookie.Create(scope);
            var opened = new SignInSession(secretHash, caller.KeyId(), caller.IsOperator() ? operatorKey.Fingerprint : null, now, now + options.Value.SessionLifetime);
            await grains.GetGrain<ISignInSessionsGrain>(scope).Open(opened);
            cache.Invalidate(scope);
            SessionCookie.Write(request.HttpContext.Response, cookie);
            return TypedResults.Ok(new SignedIn(caller.IsOperator() ? "operator" : "admin", caller.ProgramId(), opened.ExpiresAt));
        })
        .WithName("SignIn")
        .Accepts<SignIn>("application/json")
        .Produces<SignedIn>()
        .WithSummary("Signs a browser in with the operator key or an admin key: an HttpOnly, SameSite=Strict session cookie stands for the key from now on.");

        session.MapGet("", async (HttpContext context, SessionCache cache) =>
        {
            var user = context.User;
            var byCookie = user.Identity is { IsAuthenticated: true, AuthenticationType: SessionAuthenticationHandler.Name };
            return byCookie && SessionCookie.From(context.Request) is { } cookie && await cache.Find(cookie.Scope, cookie.SecretHash) is { } open
                ? TypedResults.Ok(new SignedIn(user.IsOperator() ? "operator" : "admin", user.ProgramId(), open.ExpiresAt))
                : Problems.Unauthorized("This browser is not signed in, or its session ended.");
        })
        .WithName("GetSession")
        .Produces<SignedIn>()
        .WithSummary("Who the browser is signed in as: the role and program of the key its session cookie stands for, and when the session ends.");

        session.MapDelete("", async (HttpRequest request, IGrainFactory grains, SessionCache cache) =>
        {
            if (SessionCookie.From(request) is { } cookie
                && (cookie.Scope == ISignInSessionsGrain.OperatorScope || Identifiers.IsValid(cookie.Scope)))
            {
                await grains.GetGrain<ISignInSessionsGrain>(cookie.Scope).Close(cookie.SecretHash);
                cache.Invalidate(cookie.Scope);
            }

            SessionCookie.Clear(request.HttpContext.Response);
            return Results.NoContent();
        })
        .WithName("SignOut")
        .Produces(StatusCodes.Status204NoContent)
        .WithSummary("Signs the browser out: its session ends on every gateway within a second and its cookie is cleared.");
    }

    public sealed record SignIn(string Key);

    /// <param name="Role">operator or admin.</param>
    /// <param name="ProgramId">The admin key's program; absent for the operator.</param>
    public sealed record SignedIn(string Role, string? ProgramId, DateTimeOffset ExpiresAt);
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Loyalty.Gateway.Security;

/// <summary>Refusals as problem+json: 401 without a valid credential, 403 when the credential may not do this.</summary>
public sealed class AccessProblems(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Challenged)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Write(context, "Unauthorized",
                "Send a key of this program, or a member token, as 'Authorization: Bearer <credential>'.");
        }
        else if (result.Forbidden)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await Write(context, "Forbidden", "This credential may not do this here: another program, another member, or too weak a role.");
        }
        else
        {
            await fallback.HandleAsync(next, context, policy, result);
        }
    }

    private Task Write(HttpContext context, string title, string detail) =>
        problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = context.Response.StatusCode, Title = title, Detail = detail },
        }).AsTask();
}

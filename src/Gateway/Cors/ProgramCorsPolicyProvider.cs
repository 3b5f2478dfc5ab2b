using Loyalty.Client.Programs;
using Loyalty.Gateway.Http;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace Loyalty.Gateway.Cors;

/// <summary>
/// The CORS policy of a request under <c>/v1/programs/{programId}</c>: that program's own allowed origins
/// (<c>cors.allowedOrigins</c> of its configuration), none for any other path or program. Callers send keys and
/// member tokens in <c>Authorization</c>, never cookies, so credentials are not allowed and no origin is a wildcard.
/// </summary>
public sealed class ProgramCorsPolicyProvider(ProgramRulesCache programs) : ICorsPolicyProvider
{
    private static readonly PathString ProgramsPath = "/v1/programs";

    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "DELETE"];

    private static readonly string[] RequestHeaders = ["Authorization", "Content-Type", "If-Match"];

    private static readonly string[] ExposedHeaders = ["ETag", "Last-Modified", "Location", "Retry-After"];

    // Short, so a removed origin stops passing preflights soon; actual answers are checked on every request anyway.
    private static readonly TimeSpan PreflightMaxAge = TimeSpan.FromMinutes(10);

    public async Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ProgramIdOf(context.Request.Path) is not { } programId
            || await ProgramScope.Find(programId, programs) is not { Config.Cors.AllowedOrigins: { Count: > 0 } origins })
        {
            return null;
        }

        return new CorsPolicyBuilder()
            .WithOrigins([.. origins])
            .WithMethods(Methods)
            .WithHeaders(RequestHeaders)
            .WithExposedHeaders(ExposedHeaders)
            .SetPreflightMaxAge(PreflightMaxAge)
            .Build();
    }

    /// <summary>The first segment after /v1/programs, read from the path: a preflight matches no endpoint to take it from.</summary>
    private static string? ProgramIdOf(PathString path) =>
        path.StartsWithSegments(ProgramsPath, out var rest) && rest.Value is { Length: > 1 } tail ? tail[1..].Split('/')[0] : null;
}

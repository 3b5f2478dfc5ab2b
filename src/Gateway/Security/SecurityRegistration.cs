using Loyalty.Client.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Loyalty.Gateway.Security;

public static class SecurityRegistration
{
    private const string BearerScheme = "bearer";

    /// <summary>
    /// Keys and member tokens, both as <c>Authorization: Bearer</c>: a JWT goes to the member-token scheme, anything
    /// else to the key scheme. The operator key is resolved now, so a gateway without one refuses to start.
    /// </summary>
    public static void AddLoyaltySecurity(this WebApplicationBuilder builder, LoyaltyHostingOptions hosting)
    {
        builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section)
            .Validate(o => o.KeyCacheAge > TimeSpan.Zero && o.KeyCacheAge <= TimeSpan.FromSeconds(1),
                $"{SecurityOptions.Section}:KeyCacheAge must be above 0 and at most 1 s (a revoked key must stop within a second)")
            .Validate(o => o.KeyUseFlushInterval >= TimeSpan.FromMilliseconds(100), $"{SecurityOptions.Section}:KeyUseFlushInterval must be at least 100 ms")
            .Validate(o => o.MemberTokenLifetime >= TimeSpan.FromMinutes(1) && o.MemberTokenLifetime <= TimeSpan.FromDays(1),
                $"{SecurityOptions.Section}:MemberTokenLifetime must be between 1 minute and 1 day")
            .ValidateOnStart();
        var configured = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        builder.Services.AddSingleton(OperatorKey.Resolve(configured, hosting.IsRedis, builder.Environment.ContentRootPath));
        builder.Services.AddSingleton<ProgramKeyCache>();
        builder.Services.AddSingleton<KeyUseRecorder>();
        builder.Services.AddHostedService(services => services.GetRequiredService<KeyUseRecorder>());

        builder.Services.AddAuthentication(BearerScheme)
            .AddPolicyScheme(BearerScheme, "Key or member token", scheme => scheme.ForwardDefaultSelector = context =>
                BearerToken.From(context.Request) is { } credential && BearerToken.IsJwt(credential) ? MemberTokens.Scheme : ApiKeyAuthenticationHandler.Name)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.Name, _ => { })
            .AddJwtBearer(MemberTokens.Scheme, _ => { });
        builder.Services.AddOptions<JwtBearerOptions>(MemberTokens.Scheme)
            .Configure<ProgramKeyCache>((jwt, keys) => MemberTokens.Configure(jwt, keys));
        builder.Services.AddAuthorization(Access.AddPolicies);
        builder.Services.AddSingleton<IAuthorizationHandler, ProgramAccessHandler>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AccessProblems>();
    }
}

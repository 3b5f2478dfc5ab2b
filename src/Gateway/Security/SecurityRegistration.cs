using Loyalty.Client;
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
    /// else to the key scheme; without a bearer credential, a browser's session cookie stands for the key it signed in with. The operator key is resolved now, so a gateway without one refuses to start.
    /// </summary>
    public static void AddLoyaltySecurity(this WebApplicationBuilder builder, LoyaltyHostingOptions hosting)
    {
        builder.Services.AddLoyaltyOptions<SecurityOptions>();
        var configured = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        builder.Services.AddSingleton(OperatorKey.Resolve(configured, !hosting.IsEmbedded, builder.Environment.ContentRootPath));
        builder.Services.AddSingleton<ProgramKeyCache>();
        builder.Services.AddSingleton<KeyHolders>();
        builder.Services.AddSingleton<SessionCache>();
        builder.Services.AddSingleton<KeyUseRecorder>();
        builder.Services.AddHostedService(services => services.GetRequiredService<KeyUseRecorder>());

        builder.Services.AddAuthentication(BearerScheme)
            .AddPolicyScheme(BearerScheme, "Key, member token or session", scheme => scheme.ForwardDefaultSelector = context =>
                BearerToken.From(context.Request) is { } credential
                    ? BearerToken.IsJwt(credential) ? MemberTokens.Scheme : ApiKeyAuthenticationHandler.Name
                    : context.Request.Cookies.ContainsKey(SessionCookie.Name) ? SessionAuthenticationHandler.Name : ApiKeyAuthenticationHandler.Name)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.Name, _ => { })
            .AddScheme<AuthenticationSchemeOptions, SessionAuthenticationHandler>(SessionAuthenticationHandler.Name, _ => { })
            .AddJwtBearer(MemberTokens.Scheme, _ => { });
        builder.Services.AddOptions<JwtBearerOptions>(MemberTokens.Scheme)
            .Configure<ProgramKeyCache, IServiceProvider>((jwt, keys, services) =>
                MemberTokens.Configure(jwt, keys, services.GetRequiredKeyedService<TimeProvider>(LoyaltyClock.Key)));
        builder.Services.AddAuthorization(Access.AddPolicies);
        builder.Services.AddSingleton<IAuthorizationHandler, ProgramAccessHandler>();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, AccessProblems>();
    }
}

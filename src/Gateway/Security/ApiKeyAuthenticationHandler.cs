using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Loyalty.Gateway.Security;

/// <summary>Authenticates <c>Authorization: Bearer</c> with the operator key or a program's API key.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    KeyHolders holders)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "api-key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken.From(Request) is not { } presented)
        {
            return AuthenticateResult.NoResult();
        }

        return await holders.Of(presented, Name) is { } caller
            ? AuthenticateResult.Success(new AuthenticationTicket(caller, Name))
            : AuthenticateResult.Fail("The bearer credential is not a key of this service, or is revoked or expired.");
    }
}

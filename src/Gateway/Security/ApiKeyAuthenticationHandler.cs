using System.Text.Encodings.Web;
using Loyalty.Client;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Loyalty.Gateway.Security;

/// <summary>Authenticates <c>Authorization: Bearer</c> with the operator key or a program's API key.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    OperatorKey operatorKey,
    ProgramKeyCache keys,
    KeyUseRecorder uses,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "api-key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken.From(Request) is not { } presented)
        {
            return AuthenticateResult.NoResult();
        }

        if (operatorKey.Matches(presented))
        {
            return Success(Caller.Operator(Name));
        }

        if (ApiKeyText.Parse(presented) is not { } key || !Http.Identifiers.IsValid(key.ProgramId))
        {
            return AuthenticateResult.Fail("The bearer credential is not a key of this service.");
        }

        var now = clock.GetUtcNow();
        var held = (await keys.Credentials(key.ProgramId)).Keys.FirstOrDefault(k => k.Id == key.Id);
        if (held is null || !ApiKeyText.SameSecret(ApiKeyText.Hash(key.Secret), held.SecretHash) || held.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("The key is unknown, revoked or expired.");
        }

        uses.Record(key.ProgramId, held.Id, now);
        return Success(Caller.Key(Name, key.ProgramId, held.Id, held.Role));
    }

    private static AuthenticateResult Success(System.Security.Claims.ClaimsPrincipal caller) =>
        AuthenticateResult.Success(new AuthenticationTicket(caller, Name));
}

using System.Text.Encodings.Web;
using Loyalty.Grains.Interfaces.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Loyalty.Gateway.Security;

/// <summary>
/// Authenticates a browser by its session cookie as the key it signed in with, checked again on every request: a
/// revoked or expired key, a new operator key, a sign-out or a session past its lifetime lets nobody in.
/// </summary>
public sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SessionCache sessions,
    KeyHolders holders,
    OperatorKey operatorKey)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Name = "session";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (SessionCookie.From(Request) is not { } cookie)
        {
            return AuthenticateResult.NoResult();
        }

        var (scope, secretHash) = cookie;
        var isOperator = scope == ISignInSessionsGrain.OperatorScope;
        var session = isOperator || Http.Identifiers.IsValid(scope) ? await sessions.Find(scope, secretHash) : null;
        var caller = session switch
        {
            { KeyId: { } keyId } when !isOperator => await holders.OfKeyId(scope, keyId, Name),
            { OperatorFingerprint: { } fingerprint } when isOperator && fingerprint == operatorKey.Fingerprint => Caller.Operator(Name),
            _ => null,
        };
        return caller is null
            ? AuthenticateResult.Fail("The session is signed out or expired, or its key is revoked.")
            : AuthenticateResult.Success(new AuthenticationTicket(caller, Name));
    }
}

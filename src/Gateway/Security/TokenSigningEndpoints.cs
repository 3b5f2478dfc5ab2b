using Loyalty.Gateway.Http;

namespace Loyalty.Gateway.Security;

/// <summary>
/// The secret a program's member tokens are signed with, for its admins: a shop's own backend may sign member tokens
/// with it (HS256, issuer "loyalty", audience the program, subject the member, an expiry) instead of asking for them.
/// </summary>
public static class TokenSigningEndpoints
{
    public static void MapTokenSigningEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/v1/programs/{programId}/token-signing").WithTags("Keys").ForAdmins().ForConfiguredPrograms()
            .MapGet("", async (string programId, ProgramKeyCache keys) =>
            {
                var credentials = await keys.Credentials(programId);
                return TypedResults.Ok(new TokenSigning(MemberTokens.Algorithm, MemberTokens.Issuer, programId, credentials.TokenSigningSecret));
            })
            .WithName("GetTokenSigning")
            .Produces<TokenSigning>()
            .WithSummary("How the program's member tokens are signed, secret included, so a shop's backend can sign its own.");
    }

    /// <param name="Secret">The HMAC key, base64url (32 bytes).</param>
    public sealed record TokenSigning(string Algorithm, string Issuer, string Audience, string Secret);
}

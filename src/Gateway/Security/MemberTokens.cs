using System.Buffers.Text;
using System.Security.Claims;
using Loyalty.Grains.Interfaces.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Loyalty.Gateway.Security;

/// <summary>
/// Short-lived tokens that speak for one member of one program: a JWT (HMAC-SHA256) with the program as audience and
/// the member as subject, signed with the program's token-signing secret, so a shop's own backend may sign them too.
/// </summary>
public static class MemberTokens
{
    public const string Scheme = "member-token";
    public const string Issuer = "loyalty";
    public const string Algorithm = SecurityAlgorithms.HmacSha256;

    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    public static (string Token, DateTimeOffset ExpiresAt) Issue(
        string programId, string memberId, ProgramCredentials credentials, DateTimeOffset now, TimeSpan lifetime)
    {
        var expiresAt = now + lifetime;
        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = programId,
            Subject = new ClaimsIdentity([new Claim(Caller.MemberClaim, memberId)]),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey(credentials), SecurityAlgorithms.HmacSha256),
        });
        return (token, expiresAt);
    }

    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Checks member tokens with JwtBearer; the program's secret is read (cached) before the check, which is
    /// synchronous. Lifetimes are checked on the product's clock, the one tokens are issued by.
    /// </summary>
    public static void Configure(JwtBearerOptions jwt, ProgramKeyCache keys, TimeProvider clock)
    {
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidateAudience = true,
            AudienceValidator = (audiences, _, _) => audiences.Count() == 1,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            LifetimeValidator = (notBefore, expires, _, _) =>
                clock.GetUtcNow().UtcDateTime is var now && expires is { } end && now < end + ClockSkew && (notBefore is not { } start || now >= start - ClockSkew),
            IssuerSigningKeyResolver = (_, token, _, _) =>
                token is JsonWebToken { Audiences: var audiences } && audiences.SingleOrDefault() is { } program
                && keys.Cached(program) is { } credentials ? [SigningKey(credentials)] : [],
        };
        jwt.Events = new JwtBearerEvents
        {
            OnMessageReceived = async context =>
            {
                if (BearerToken.From(context.Request) is { } token && Audience(token) is { } program && Http.Identifiers.IsValid(program))
                {
                    await keys.Credentials(program);
                }
            },
        };
    }

    private static string? Audience(string token)
    {
        try
        {
            return new JsonWebToken(token).Audiences.SingleOrDefault();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static SymmetricSecurityKey SigningKey(ProgramCredentials credentials) =>
        new(Base64Url.DecodeFromChars(credentials.TokenSigningSecret));
}

using System.Security.Claims;
using Loyalty.Grains.Interfaces.Security;

namespace Loyalty.Gateway.Security;

/// <summary>Who a request comes from, as claims: the operator, a program's key with its role, or a program's member.</summary>
public static class Caller
{
    public const string OperatorClaim = "loyalty:operator";
    public const string ProgramClaim = "loyalty:program";
    public const string RoleClaim = "loyalty:role";
    public const string KeyClaim = "loyalty:key";

    /// <summary>The member a member token speaks for: the JWT's subject.</summary>
    public const string MemberClaim = "sub";

    /// <summary>The program a member token is for: the JWT's audience.</summary>
    public const string AudienceClaim = "aud";

    public static ClaimsPrincipal Operator(string scheme) =>
        new(new ClaimsIdentity([new Claim(OperatorClaim, "true")], scheme));

    public static ClaimsPrincipal Key(string scheme, string programId, string keyId, ApiRole role) =>
        new(new ClaimsIdentity([new Claim(ProgramClaim, programId), new Claim(KeyClaim, keyId), new Claim(RoleClaim, role.ToString())], scheme));

    public static bool IsOperator(this ClaimsPrincipal user) => user.HasClaim(OperatorClaim, "true");

    /// <summary>The program of a key, or the audience of a member token.</summary>
    public static string? ProgramId(this ClaimsPrincipal user) => user.FindFirstValue(ProgramClaim) ?? user.FindFirstValue(AudienceClaim);

    public static ApiRole? Role(this ClaimsPrincipal user) =>
        Enum.TryParse<ApiRole>(user.FindFirstValue(RoleClaim), out var role) ? role : null;

    public static string? MemberId(this ClaimsPrincipal user) => user.FindFirstValue(MemberClaim);

    public static string? KeyId(this ClaimsPrincipal user) => user.FindFirstValue(KeyClaim);
}

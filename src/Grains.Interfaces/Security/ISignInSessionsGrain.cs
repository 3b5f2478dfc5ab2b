using System.Collections.Immutable;

namespace Loyalty.Grains.Interfaces.Security;

/// <summary>
/// Browser sign-ins of one program's keys (key: the program id), or of the operator key (key:
/// <see cref="OperatorScope"/>). A session holds no secret: the browser's cookie does, and only its SHA-256 is
/// kept. Bounded: past <see cref="MaxSessions"/> the oldest is dropped, and expired ones go at every change.
/// </summary>
[Alias("loyalty.ISignInSessionsGrain")]
public interface ISignInSessionsGrain : IGrainWithStringKey
{
    const int MaxSessions = 100;

    /// <summary>No program id starts with '~', so the operator's sessions never share a grain with a program's.</summary>
    const string OperatorScope = "~operator";

    Task Open(SignInSession session);

    /// <summary>Every session not expired, for the gateways' caches.</summary>
    Task<ImmutableArray<SignInSession>> Active();

    /// <summary>Signs out; a session not held is no error.</summary>
    Task Close(string tokenHash);
}

/// <param name="TokenHash">SHA-256 of the cookie's secret, base64url.</param>
/// <param name="KeyId">The program key signed in with; null for the operator.</param>
/// <param name="OperatorFingerprint">For the operator, a hash of the operator key then: a new operator key ends its sessions.</param>
[GenerateSerializer, Immutable, Alias("loyalty.sign-in-session")]
public sealed record SignInSession(
    [property: Id(0)] string TokenHash,
    [property: Id(1)] string? KeyId,
    [property: Id(2)] string? OperatorFingerprint,
    [property: Id(3)] DateTimeOffset OpenedAt,
    [property: Id(4)] DateTimeOffset ExpiresAt);

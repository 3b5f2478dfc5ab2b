using System.Collections.Immutable;

namespace Loyalty.Grains.Interfaces.Security;

/// <summary>
/// A program's API keys (key: the program id). Secrets never reach it: the gateway makes a key, shows it once and
/// hands over only its SHA-256 hash. Bounded by <see cref="MaxKeys"/> keys that are not revoked.
/// </summary>
[Alias("loyalty.IProgramKeysGrain")]
public interface IProgramKeysGrain : IGrainWithStringKey
{
    const int MaxKeys = 100;

    /// <summary>Stores a new key; null when the program already holds <see cref="MaxKeys"/> keys.</summary>
    Task<ApiKeyRecord?> Add(ApiKeyRecord key);

    /// <summary>Every key not revoked, hashes included, and the secret member tokens are signed with, for the gateways' caches.</summary>
    Task<ProgramCredentials> Active();

    /// <summary>False when no such key is held. Safe to repeat.</summary>
    Task<bool> Revoke(string keyId);

    /// <summary>When keys were last used, as gateways saw it; older times than those held change nothing.</summary>
    Task RecordUse(ImmutableDictionary<string, DateTimeOffset> lastUsed);
}

/// <summary>Who a key lets in: each role's routes are declared by the gateway's endpoints.</summary>
[GenerateSerializer, Alias("loyalty.api-role")]
public enum ApiRole
{
    /// <summary>Posts events.</summary>
    Producer,

    /// <summary>Reads members, boards, feeds, rewards and challenges; redeems; referrals; issues member tokens.</summary>
    App,

    /// <summary>Everything of its program, configuration and keys included.</summary>
    Admin,
}

/// <param name="SecretHash">SHA-256 of the key's secret, base64url: keys are random 256-bit secrets, so a fast hash suffices.</param>
[GenerateSerializer, Immutable, Alias("loyalty.api-key")]
public sealed record ApiKeyRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] ApiRole Role,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] DateTimeOffset? ExpiresAt,
    [property: Id(5)] string SecretHash,
    [property: Id(6)] DateTimeOffset? LastUsedAt);

/// <param name="TokenSigningSecret">Signs and checks the program's member tokens (HMAC-SHA256), base64url; made on first read.</param>
[GenerateSerializer, Immutable, Alias("loyalty.program-credentials")]
public sealed record ProgramCredentials(
    [property: Id(0)] ImmutableArray<ApiKeyRecord> Keys,
    [property: Id(1)] string TokenSigningSecret);

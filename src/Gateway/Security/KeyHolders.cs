using System.Security.Claims;
using Loyalty.Client;

namespace Loyalty.Gateway.Security;

/// <summary>
/// Who a key is, checked now: the operator key, or a program's key that is held, not revoked and not expired. The
/// bearer scheme, the sign-in and the session cookie all ask here, so a signed-in browser is exactly the key it
/// signed in with, and stops being anyone when the key is revoked.
/// </summary>
public sealed class KeyHolders(OperatorKey operatorKey, ProgramKeyCache keys, KeyUseRecorder uses, [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock)
{
    /// <summary>The caller the presented key is, as <paramref name="scheme"/>; null when it is no key of this service.</summary>
    public async ValueTask<ClaimsPrincipal?> Of(string presented, string scheme)
    {
        if (operatorKey.Matches(presented))
        {
            return Caller.Operator(scheme);
        }

        if (ApiKeyText.Parse(presented) is not { } key || !Http.Identifiers.IsValid(key.ProgramId))
        {
            return null;
        }

        return await Held(key.ProgramId, key.Id, ApiKeyText.Hash(key.Secret), scheme);
    }

    /// <summary>The caller a program's key is while it is held and not expired, its secret already proven (a session).</summary>
    public ValueTask<ClaimsPrincipal?> OfKeyId(string programId, string keyId, string scheme) => Held(programId, keyId, null, scheme);

    /// <param name="secretHash">The hash the presented secret must have; null when it was proven at sign-in.</param>
    private async ValueTask<ClaimsPrincipal?> Held(string programId, string keyId, string? secretHash, string scheme)
    {
        var now = clock.GetUtcNow();
        var held = (await keys.Credentials(programId)).Keys.FirstOrDefault(k => k.Id == keyId);
        if (held is null || held.ExpiresAt <= now || (secretHash is not null && !ApiKeyText.SameSecret(secretHash, held.SecretHash)))
        {
            return null;
        }

        uses.Record(programId, held.Id, now);
        return Caller.Key(scheme, programId, held.Id, held.Role);
    }
}

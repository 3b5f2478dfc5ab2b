using System.Collections.Immutable;
using System.Security.Cryptography;
using Loyalty.Grains.Interfaces.Security;

namespace Loyalty.Grains.Security;

/// <summary>A program's API keys; revoked keys are dropped at once, so the state is bounded by the keys in use.</summary>
public sealed class ProgramKeysGrain([PersistentState("program-keys", StorageNames.Loyalty)] IPersistentState<ProgramKeysGrain.Keys> state)
    : Grain, IProgramKeysGrain
{
    public async Task<ApiKeyRecord?> Add(ApiKeyRecord key)
    {
        if (state.State.Held.FirstOrDefault(held => held.Id == key.Id) is { } existing)
        {
            return existing;
        }

        if (state.State.Held.Count >= IProgramKeysGrain.MaxKeys)
        {
            return null;
        }

        state.State.Held.Add(key);
        await state.WriteStateAsync();
        return key;
    }

    public async Task<ProgramCredentials> Active()
    {
        if (state.State.TokenSigningSecret is null)
        {
            state.State.TokenSigningSecret = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
            await state.WriteStateAsync();
        }

        return new ProgramCredentials([.. state.State.Held], state.State.TokenSigningSecret);
    }

    public async Task<bool> Revoke(string keyId)
    {
        if (state.State.Held.RemoveAll(key => key.Id == keyId) == 0)
        {
            return false;
        }

        await state.WriteStateAsync();
        return true;
    }

    public async Task RecordUse(ImmutableDictionary<string, DateTimeOffset> lastUsed)
    {
        var changed = false;
        for (var i = 0; i < state.State.Held.Count; i++)
        {
            var key = state.State.Held[i];
            if (lastUsed.TryGetValue(key.Id, out var at) && (key.LastUsedAt is null || at > key.LastUsedAt))
            {
                state.State.Held[i] = key with { LastUsedAt = at };
                changed = true;
            }
        }

        if (changed)
        {
            await state.WriteStateAsync();
        }
    }

    public sealed class Keys
    {
        public List<ApiKeyRecord> Held { get; set; } = [];

        public string? TokenSigningSecret { get; set; }
    }
}

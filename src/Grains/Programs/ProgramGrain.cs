using System.Collections.Immutable;
using System.Text.Json;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces.Programs;
using Loyalty.Client.Json;
using Loyalty.Grains.Notifications;
using Microsoft.Extensions.Options;

namespace Loyalty.Grains.Programs;

public sealed class ProgramGrain(
    [PersistentState("program", StorageNames.Loyalty)] IPersistentState<ProgramState> state,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock,
    IOptions<WebhookOptions> webhookOptions)
    : Grain, IProgramGrain
{
    public Task<ProgramSnapshot?> GetConfiguration() => Task.FromResult(Snapshot());

    public async Task<ConfigureResult> Configure(string configurationJson, int? expectedVersion)
    {
        var stored = state.State.ConfigurationJson is { } storedJson ? ProgramConfigurationJson.Parse(storedJson) : null;
        var networks = webhookOptions.Value.Networks;
        if (Read(configurationJson, json => WebhookSecrets.KeepStored(ProgramConfigurationJson.Parse(json), stored),
                config => ProgramConfigValidator.Validate(config, networks), out var configuration) is { Length: > 0 } errors)
        {
            return new ConfigureResult(ConfigureStatus.Invalid, null, errors);
        }

        if (expectedVersion is { } expected && expected != state.State.Version)
        {
            return new ConfigureResult(ConfigureStatus.VersionConflict, Snapshot(), []);
        }

        state.State.ConfigurationJson = ProgramConfigurationJson.Write(configuration!);
        await SaveNewVersion();
        return new ConfigureResult(ConfigureStatus.Saved, Snapshot(), []);
    }

    public async Task<ChallengeConfigured?> ConfigureChallenge(string challengeId, string definitionJson)
    {
        if (state.State.ConfigurationJson is null)
        {
            return null;
        }

        if (Read<ChallengeDefinition>(definitionJson, ProgramConfigurationJson.Parse<ChallengeDefinition>, ChallengeValidator.Validate, out var definition) is { Length: > 0 } errors)
        {
            return new ChallengeConfigured(ConfigureStatus.Invalid, null, false, errors);
        }

        var created = !state.State.Challenges.ContainsKey(challengeId);
        state.State.Challenges[challengeId] = ProgramConfigurationJson.Write(definition!);
        await SaveNewVersion();
        return new ChallengeConfigured(ConfigureStatus.Saved, Snapshot(), created, []);
    }

    /// <summary>Parses and validates a configuration document; its errors, each naming its field, or none.</summary>
    private static ImmutableArray<FieldError> Read<T>(
        string json, Func<string, T> parse, Func<T, IReadOnlyList<ValidationError>> validate, out T? document)
        where T : class
    {
        document = null;
        try
        {
            document = parse(json);
        }
        catch (JsonException e)
        {
            var (field, message) = JsonErrors.Describe(e, typeof(T), ProgramConfigurationJson.Options);
            return [new FieldError(field, message)];
        }

        return [.. validate(document).Select(error => new FieldError(error.Field, error.Message))];
    }

    private async Task SaveNewVersion()
    {
        state.State.Version++;
        state.State.UpdatedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
    }

    private ProgramSnapshot? Snapshot() => state.State.ConfigurationJson is { } json
        ? new ProgramSnapshot(this.GetPrimaryKeyString(), state.State.Version, json, state.State.UpdatedAt, state.State.Challenges.ToImmutableDictionary())
        : null;
}

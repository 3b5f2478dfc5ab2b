using System.Collections.Immutable;
using System.Text.Json;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces.Programs;
using Loyalty.Client.Json;

namespace Loyalty.Grains.Programs;

public sealed class ProgramGrain(
    [PersistentState("program", StorageNames.Loyalty)] IPersistentState<ProgramState> state,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock)
    : Grain, IProgramGrain
{
    public Task<ProgramSnapshot?> GetConfiguration() => Task.FromResult(Snapshot());

    public async Task<ConfigureResult> Configure(string configurationJson, int? expectedVersion)
    {
        ProgramConfig configuration;
        try
        {
            configuration = ProgramConfigurationJson.Parse(configurationJson);
        }
        catch (JsonException e)
        {
            var (field, message) = JsonErrors.Describe(e, typeof(ProgramConfig), ProgramConfigurationJson.Options);
            return Invalid(new FieldError(field, message));
        }

        var errors = ProgramConfigValidator.Validate(configuration);
        if (errors.Count > 0)
        {
            return Invalid([.. errors.Select(error => new FieldError(error.Field, error.Message))]);
        }

        if (expectedVersion is { } expected && expected != state.State.Version)
        {
            return new ConfigureResult(ConfigureStatus.VersionConflict, Snapshot(), []);
        }

        state.State.ConfigurationJson = ProgramConfigurationJson.Write(configuration);
        await SaveNewVersion();
        return new ConfigureResult(ConfigureStatus.Saved, Snapshot(), []);
    }

    public async Task<ChallengeSaved?> ConfigureChallenge(string challengeId, string definitionJson)
    {
        if (state.State.ConfigurationJson is null)
        {
            return null;
        }

        var created = !state.State.Challenges.ContainsKey(challengeId);
        state.State.Challenges[challengeId] = definitionJson;
        await SaveNewVersion();
        return new ChallengeSaved(Snapshot()!, created);
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

    private static ConfigureResult Invalid(params ImmutableArray<FieldError> errors) =>
        new(ConfigureStatus.Invalid, null, errors);
}

using System.Collections.Immutable;

namespace Loyalty.Grains.Interfaces.Programs;

/// <summary>A program's configuration and challenges, validated and versioned. Key: program id.</summary>
public interface IProgramGrain : IGrainWithStringKey
{
    /// <summary>The current configuration, or null when the program was never configured.</summary>
    Task<ProgramSnapshot?> GetConfiguration();

    /// <summary>Validates and stores a new version. With <paramref name="expectedVersion"/>, refuses if another change came first.</summary>
    Task<ConfigureResult> Configure(string configurationJson, int? expectedVersion);

    /// <summary>
    /// Validates a challenge definition and stores it as a new program version. Null when the program was never
    /// configured; otherwise the new snapshot and whether the challenge is new, or the errors that refused it.
    /// </summary>
    Task<ChallengeConfigured?> ConfigureChallenge(string challengeId, string definitionJson);
}

/// <summary>A challenge stored (<see cref="Program"/> is the new version) or refused as invalid (<see cref="Errors"/> say why).</summary>
[GenerateSerializer, Immutable, Alias("loyalty.challenge-configured")]
public sealed record ChallengeConfigured(
    [property: Id(0)] ConfigureStatus Status,
    [property: Id(1)] ProgramSnapshot? Program,
    [property: Id(2)] bool Created,
    [property: Id(3)] ImmutableArray<FieldError> Errors);

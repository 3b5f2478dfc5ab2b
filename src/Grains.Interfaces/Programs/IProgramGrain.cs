namespace Loyalty.Grains.Interfaces.Programs;

/// <summary>A program's configuration and challenges, validated and versioned. Key: program id.</summary>
public interface IProgramGrain : IGrainWithStringKey
{
    /// <summary>The current configuration, or null when the program was never configured.</summary>
    Task<ProgramSnapshot?> GetConfiguration();

    /// <summary>Validates and stores a new version. With <paramref name="expectedVersion"/>, refuses if another change came first.</summary>
    Task<ConfigureResult> Configure(string configurationJson, int? expectedVersion);

    /// <summary>
    /// Stores a challenge definition the caller has validated, as a new program version. Null when the program was
    /// never configured; otherwise the new snapshot and whether the challenge is new.
    /// </summary>
    Task<ChallengeSaved?> ConfigureChallenge(string challengeId, string definitionJson);
}

[GenerateSerializer, Immutable, Alias("loyalty.challenge-saved")]
public sealed record ChallengeSaved([property: Id(0)] ProgramSnapshot Program, [property: Id(1)] bool Created);

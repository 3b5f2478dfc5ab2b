using System.Collections.Immutable;

namespace Loyalty.Grains.Interfaces.Programs;

/// <summary>One version of a program's configuration and challenges, carried as canonical JSON documents.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.program-snapshot")]
public sealed record ProgramSnapshot(
    [property: Id(0)] string ProgramId,
    [property: Id(1)] int Version,
    [property: Id(2)] string ConfigurationJson,
    [property: Id(3)] DateTimeOffset UpdatedAt,
    [property: Id(4)] ImmutableDictionary<string, string> ChallengesJson);

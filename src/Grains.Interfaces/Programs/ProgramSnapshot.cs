namespace Loyalty.Grains.Interfaces.Programs;

/// <summary>One version of a program's configuration, carried as its canonical JSON document.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.program-snapshot")]
public sealed record ProgramSnapshot(
    [property: Id(0)] string ProgramId,
    [property: Id(1)] int Version,
    [property: Id(2)] string ConfigurationJson,
    [property: Id(3)] DateTimeOffset UpdatedAt);

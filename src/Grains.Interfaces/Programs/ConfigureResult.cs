using System.Collections.Immutable;

namespace Loyalty.Grains.Interfaces.Programs;

public enum ConfigureStatus
{
    Saved,
    Invalid,
    VersionConflict,
}

[GenerateSerializer, Immutable, Alias("loyalty.configure-result")]
public sealed record ConfigureResult(
    [property: Id(0)] ConfigureStatus Status,
    [property: Id(1)] ProgramSnapshot? Snapshot,
    [property: Id(2)] ImmutableArray<FieldError> Errors);

/// <summary>A validation error that names the offending field by its JSON path.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.field-error")]
public sealed record FieldError(
    [property: Id(0)] string Field,
    [property: Id(1)] string Message);

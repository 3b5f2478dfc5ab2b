namespace Loyalty.Grains.Programs;

/// <summary>Persisted state of a program grain: the current configuration as canonical JSON and its version.</summary>
public sealed class ProgramState
{
    public int Version { get; set; }

    public string? ConfigurationJson { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

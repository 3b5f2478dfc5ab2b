namespace Loyalty.Grains.Programs;

/// <summary>Persisted state of a program grain: the current configuration and challenges as canonical JSON, and their version.</summary>
public sealed class ProgramState
{
    public int Version { get; set; }

    public string? ConfigurationJson { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The program's challenges as canonical JSON, by id; each change is a new program version.</summary>
    public Dictionary<string, string> Challenges { get; set; } = new(StringComparer.Ordinal);
}

namespace Loyalty.Grains.Interfaces.Programs;

/// <summary>A program's configuration, validated and versioned. Key: program id.</summary>
public interface IProgramGrain : IGrainWithStringKey
{
    /// <summary>The current configuration, or null when the program was never configured.</summary>
    Task<ProgramSnapshot?> GetConfiguration();

    /// <summary>Validates and stores a new version. With <paramref name="expectedVersion"/>, refuses if another change came first.</summary>
    Task<ConfigureResult> Configure(string configurationJson, int? expectedVersion);
}

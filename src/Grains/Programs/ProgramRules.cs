using Loyalty.Domain;

namespace Loyalty.Grains.Programs;

/// <summary>A parsed configuration version, ready for the rule book.</summary>
public sealed record ProgramRules(string ProgramId, int Version, ProgramConfig Config, TimeZoneInfo Zone)
{
    public static ProgramRules From(Interfaces.Programs.ProgramSnapshot snapshot)
    {
        var config = ProgramConfigurationJson.Parse(snapshot.ConfigurationJson);
        return new ProgramRules(snapshot.ProgramId, snapshot.Version, config, TimeZoneInfo.FindSystemTimeZoneById(config.TimeZone));
    }
}

using Loyalty.Domain;

namespace Loyalty.Client.Programs;

/// <summary>A parsed configuration version with its challenges, ready for the rule book.</summary>
public sealed record ProgramRules(
    string ProgramId, int Version, ProgramConfig Config, TimeZoneInfo Zone, IReadOnlyList<Challenge> Challenges)
{
    public static ProgramRules From(Loyalty.Grains.Interfaces.Programs.ProgramSnapshot snapshot)
    {
        var config = ProgramConfigurationJson.Parse(snapshot.ConfigurationJson);
        var challenges = snapshot.ChallengesJson
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => Domain.Challenge.From(c.Key, ProgramConfigurationJson.Parse<ChallengeDefinition>(c.Value)))
            .ToList();
        return new ProgramRules(snapshot.ProgramId, snapshot.Version, config, TimeZoneInfo.FindSystemTimeZoneById(config.TimeZone), challenges);
    }

    public Challenge? Challenge(string challengeId) => Challenges.FirstOrDefault(c => c.Id == challengeId);
}

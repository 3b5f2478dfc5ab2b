using Loyalty.Grains.Programs;

namespace Loyalty.Gateway.Http;

/// <summary>Routes under a program answer 404 unless the program is configured.</summary>
public static class ProgramScope
{
    public static async Task<ProgramRules?> Find(string programId, ProgramRulesCache programs) =>
        Identifiers.IsValid(programId) ? await programs.Get(programId) : null;
}

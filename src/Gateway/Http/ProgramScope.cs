using Loyalty.Client.Programs;

namespace Loyalty.Gateway.Http;

/// <summary>Routes under a program answer 404 unless the program is configured.</summary>
public static class ProgramScope
{
    /// <summary>Answers 404 problem+json for every route of the group whose program is not configured.</summary>
    public static RouteGroupBuilder ForConfiguredPrograms(this RouteGroupBuilder group) =>
        group.AnsweringProblems(StatusCodes.Status404NotFound).AddEndpointFilter(async (context, next) =>
        {
            var programId = context.HttpContext.GetRouteValue("programId") as string ?? "";
            var programs = context.HttpContext.RequestServices.GetRequiredService<ProgramRulesCache>();
            return await Find(programId, programs) is null ? Problems.ProgramNotFound(programId) : await next(context);
        });

    public static async Task<ProgramRules?> Find(string programId, ProgramRulesCache programs) =>
        Identifiers.IsValid(programId) ? await programs.Get(programId) : null;
}

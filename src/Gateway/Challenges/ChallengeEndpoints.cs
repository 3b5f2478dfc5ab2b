using Loyalty.Domain;
using Loyalty.Gateway.Http;
using Loyalty.Gateway.Leaderboards;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Challenges;
using Loyalty.Grains.Interfaces.Leaderboards;
using Loyalty.Grains.Interfaces.Programs;
using Loyalty.Client.Programs;
using Loyalty.Gateway.Security;

namespace Loyalty.Gateway.Challenges;

/// <summary>Challenges: definitions (each change a new program version), completions in order, and a progress leaderboard.</summary>
public static class ChallengeEndpoints
{
    public const int MaxPage = 1_000;

    public static void MapChallengeEndpoints(this IEndpointRouteBuilder routes)
    {
        var program = routes.MapGroup("/v1/programs/{programId}/challenges").WithTags("Challenges").ForAppsAndMembers().ForConfiguredPrograms();

        program.MapGet("", async (string programId, ProgramRulesCache programs) =>
        {
            var rules = (await programs.Get(programId))!;
            return TypedResults.Ok(new ChallengeList([.. rules.Challenges.Select(ChallengeResponse.From)]));
        })
        .WithName("ListChallenges")
        .Produces<ChallengeList>()
        .WithSummary("Every challenge of the program.");

        var challenge = program.MapGroup("/{challengeId}");

        challenge.MapPut("", async (string programId, string challengeId, HttpRequest request, IClusterClient cluster, ProgramRulesCache programs, HttpContext context) =>
        {
            var (definition, problem) = await JsonBody.Read<ChallengeDefinition>(request, ProgramConfigurationJson.Options);
            if (problem is not null)
            {
                return problem;
            }

            var configured = await cluster.GetGrain<IProgramGrain>(programId).ConfigureChallenge(challengeId, ProgramConfigurationJson.Write(definition!));
            programs.Invalidate(programId);
            if (configured is null)
            {
                return Problems.ProgramNotFound(programId);
            }

            if (configured.Status != ConfigureStatus.Saved)
            {
                return Problems.Invalid(configured.Errors);
            }

            Preconditions.SetETag(context, configured.Program!.Version);
            var body = ChallengeResponse.From(Challenge.From(challengeId, definition!));
            return configured.Created
                ? TypedResults.Created($"/v1/programs/{programId}/challenges/{challengeId}", body)
                : TypedResults.Ok(body);
        })
        .WithName("ConfigureChallenge")
        .ForAdmins()
        .Accepts<ChallengeDefinition>("application/json")
        .Produces<ChallengeResponse>()
        .Produces<ChallengeResponse>(StatusCodes.Status201Created)
        .WithSummary("Defines or changes a challenge: name, start, end (local times in the program's zone), goal {kind: spend|purchases|categories|streak, target}, filters {category, channel}, reward {points, badge}, maxWinners.");

        challenge.MapGet("", async (string programId, string challengeId, ProgramRulesCache programs, IClusterClient cluster, HttpContext context) =>
        {
            // The definition and the ETag come from one read of the program, so they name the same version.
            var rules = await programs.Get(programId);
            if (rules is null || !Identifiers.IsValid(challengeId) || rules.Challenge(challengeId) is not { } found)
            {
                return NotFound(programId, challengeId);
            }

            var completions = await cluster.GetGrain<IChallengeGrain>(GrainKeys.Challenge(programId, challengeId)).GetCompletions(0, 0);
            Preconditions.SetETag(context, rules.Version);
            return TypedResults.Ok(ChallengeResponse.From(found) with { Completions = completions.Total, Winners = completions.Winners });
        })
        .WithName("GetChallenge")
        .Produces<ChallengeResponse>()
        .WithSummary("A challenge's definition with how many members completed it and how many won; the program's version is the ETag.");

        challenge.MapGet("/completions", async (string programId, string challengeId, int? offset, int? limit, ProgramRulesCache programs, IClusterClient cluster) =>
        {
            if (Problems.InvalidPage(offset, limit, MaxPage) is { } invalid)
            {
                return invalid;
            }

            if (await Find(programId, challengeId, programs) is null)
            {
                return NotFound(programId, challengeId);
            }

            var completions = await cluster.GetGrain<IChallengeGrain>(GrainKeys.Challenge(programId, challengeId)).GetCompletions(offset ?? 0, limit ?? 100);
            return TypedResults.Ok(ChallengeCompletionsResponse.From(completions));
        })
        .WithName("GetChallengeCompletions")
        .Produces<ChallengeCompletionsResponse>()
        .WithSummary("Completions in the order they were recorded; the first maxWinners are the winners.");

        challenge.MapGet("/leaderboard", async (string programId, string challengeId, int? top, ProgramRulesCache programs, IClusterClient cluster) =>
        {
            if (top is < 1 or > LeaderboardEndpoints.MaxTop)
            {
                return Problems.Invalid("top", $"must be between 1 and {LeaderboardEndpoints.MaxTop}");
            }

            if (await Find(programId, challengeId, programs) is null)
            {
                return NotFound(programId, challengeId);
            }

            var entries = await Board(cluster, programId, challengeId).Top(top ?? 10);
            return TypedResults.Ok(LeaderboardResponse.From(ChallengeBoards.Board(challengeId), ChallengeBoards.Period, entries));
        })
        .WithName("GetChallengeLeaderboard")
        .Produces<LeaderboardResponse>()
        .WithSummary("Members by progress in the challenge (spend, purchases, categories or streak length); ties go to who got there first.");

        challenge.MapGet("/leaderboard/members/{memberId}", async (
            string programId, string challengeId, string memberId, int? around, ProgramRulesCache programs, IClusterClient cluster) =>
        {
            if (around is < 0 or > LeaderboardEndpoints.MaxAround)
            {
                return Problems.Invalid("around", $"must be between 0 and {LeaderboardEndpoints.MaxAround}");
            }

            if (await Find(programId, challengeId, programs) is null)
            {
                return NotFound(programId, challengeId);
            }

            return await Board(cluster, programId, challengeId).Standing(memberId, around ?? 0) is { } standing
                ? TypedResults.Ok(StandingResponse.From(standing))
                : Problems.NotFound("Member not on this board", $"Member '{memberId}' has no progress in challenge '{challengeId}'.");
        })
        .WithName("GetChallengeStanding")
        .ForAppsAndTheMember()
        .Produces<StandingResponse>()
        .WithSummary("A member's exact rank in the challenge, with k neighbours above and below.");
    }

    private static async Task<Challenge?> Find(string programId, string challengeId, ProgramRulesCache programs) =>
        (await programs.Get(programId))?.Challenge(challengeId);

    private static ILeaderboardGrain Board(IClusterClient cluster, string programId, string challengeId) =>
        cluster.GetGrain<ILeaderboardGrain>(GrainKeys.Leaderboard(programId, ChallengeBoards.Board(challengeId), ChallengeBoards.Period));

    private static IResult NotFound(string programId, string challengeId) =>
        Problems.NotFound("Challenge not found", $"Program '{programId}' has no challenge '{challengeId}'.");
}

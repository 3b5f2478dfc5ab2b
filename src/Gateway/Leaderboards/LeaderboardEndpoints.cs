using Loyalty.Domain;
using Loyalty.Gateway.Http;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Leaderboards;
using Loyalty.Grains.Programs;

namespace Loyalty.Gateway.Leaderboards;

public static class LeaderboardEndpoints
{
    public const int MaxTop = 1_000;
    public const int MaxAround = 100;

    public static void MapLeaderboardEndpoints(this IEndpointRouteBuilder routes)
    {
        var boards = routes.MapGroup("/v1/programs/{programId}/leaderboards/{board}").WithTags("Leaderboards");

        boards.MapGet("", async (string programId, string board, string? period, int? top, ProgramRulesCache programs, IClusterClient cluster) =>
        {
            if (await Validate(programId, board, period, programs) is { } problem)
            {
                return problem;
            }

            if (top is < 1 or > MaxTop)
            {
                return Problems.Invalid("top", $"must be between 1 and {MaxTop}");
            }

            var key = GrainKeys.Leaderboard(programId, board, period ?? PeriodKeys.All);
            var entries = await cluster.GetGrain<ILeaderboardGrain>(key).Top(top ?? 10);
            return TypedResults.Ok(new LeaderboardResponse(board, period ?? PeriodKeys.All, entries));
        })
        .Produces<LeaderboardResponse>()
        .WithSummary("The top N of a board in a period (all, or a month YYYY-MM).");

        boards.MapGet("/members/{memberId}", async (
            string programId, string board, string memberId, string? period, int? around, ProgramRulesCache programs, IClusterClient cluster) =>
        {
            if (await Validate(programId, board, period, programs) is { } problem)
            {
                return problem;
            }

            if (around is < 0 or > MaxAround)
            {
                return Problems.Invalid("around", $"must be between 0 and {MaxAround}");
            }

            var key = GrainKeys.Leaderboard(programId, board, period ?? PeriodKeys.All);
            var standing = await cluster.GetGrain<ILeaderboardGrain>(key).Standing(memberId, around ?? 0);
            return standing is null
                ? Problems.NotFound("Member not on this board", $"Member '{memberId}' has no score on {board} for {period ?? PeriodKeys.All}.")
                : TypedResults.Ok(standing);
        })
        .Produces<MemberStanding>()
        .WithSummary("A member's exact rank and score, with k neighbours above and below.");
    }

    private static async Task<IResult?> Validate(string programId, string board, string? period, ProgramRulesCache programs)
    {
        if (await ProgramScope.Find(programId, programs) is null)
        {
            return Problems.ProgramNotFound(programId);
        }

        if (!Boards.All.Contains(board))
        {
            return Problems.NotFound("Board not found", $"There is no board '{board}'; boards are {string.Join(", ", Boards.All)}.");
        }

        return period is null || PeriodKeys.IsValid(period)
            ? null
            : Problems.Invalid("period", "must be \"all\" or a month YYYY-MM");
    }
}

public sealed record LeaderboardResponse(string Board, string Period, IReadOnlyList<RankedScore> Entries);

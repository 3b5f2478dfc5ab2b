using Loyalty.Client;
using Loyalty.Domain;
using Loyalty.Gateway.Http;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Leaderboards;
using Loyalty.Client.Programs;
using Loyalty.Gateway.Security;

namespace Loyalty.Gateway.Leaderboards;

public static class LeaderboardEndpoints
{
    public const int MaxTop = 1_000;
    public const int MaxAround = 100;

    public static void MapLeaderboardEndpoints(this IEndpointRouteBuilder routes)
    {
        var boards = routes.MapGroup("/v1/programs/{programId}/leaderboards/{board}").WithTags("Leaderboards").ForAppsAndMembers()
            .AnsweringProblems(StatusCodes.Status404NotFound);

        boards.MapGet("", async (string programId, string board, string? period, int? top, ProgramRulesCache programs, [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock, IClusterClient cluster) =>
        {
            if (await Validate(programId, board, period, programs, clock) is { } problem)
            {
                return problem;
            }

            if (top is < 1 or > MaxTop)
            {
                return Problems.Invalid("top", $"must be between 1 and {MaxTop}");
            }

            var key = GrainKeys.Leaderboard(programId, board, period ?? PeriodKeys.All);
            var entries = await cluster.GetGrain<ILeaderboardGrain>(key).Top(top ?? 10);
            return TypedResults.Ok(LeaderboardResponse.From(board, period ?? PeriodKeys.All, entries));
        })
        .WithName("GetLeaderboard")
        .Produces<LeaderboardResponse>()
        .WithSummary("The top N of a board in a period: all, a day YYYY-MM-DD, an ISO week YYYY-Www or a month YYYY-MM, in the program's time zone.");

        boards.MapGet("/members/{memberId}", async (
            string programId, string board, string memberId, string? period, int? around, ProgramRulesCache programs, [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock, IClusterClient cluster) =>
        {
            if (await Validate(programId, board, period, programs, clock) is { } problem)
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
                : TypedResults.Ok(StandingResponse.From(standing));
        })
        .WithName("GetStanding")
        .ForAppsAndTheMember()
        .Produces<StandingResponse>()
        .WithSummary("A member's exact rank and score, with k neighbours above and below.");
    }

    /// <summary>Null when the program, board and period can be read; otherwise the problem to answer.</summary>
    internal static async Task<IResult?> Validate(string programId, string board, string? period, ProgramRulesCache programs, TimeProvider clock)
    {
        if (await ProgramScope.Find(programId, programs) is not { } rules)
        {
            return Problems.ProgramNotFound(programId);
        }

        if (!Boards.All.Contains(board))
        {
            return Problems.NotFound("Board not found", $"There is no board '{board}'; boards are {string.Join(", ", Boards.All)}.");
        }

        if (period is not null && !PeriodKeys.IsValid(period))
        {
            return Problems.Invalid("period", PeriodKeys.Rule);
        }

        var now = clock.GetUtcNow();
        return period is null || PeriodKeys.IsKept(period, rules.Zone, rules.Config.LeaderboardRetention, now)
            ? null
            : PeriodNotKept(period, rules, now);
    }

    /// <summary>404 that tells a client what it can show instead: the current periods and the oldest kept of each kind.</summary>
    private static IResult PeriodNotKept(string period, ProgramRules rules, DateTimeOffset now)
    {
        var retention = rules.Config.LeaderboardRetention;
        Dictionary<string, string> Each(Func<PeriodKind, string> key) => new()
        {
            ["day"] = key(PeriodKind.Day),
            ["week"] = key(PeriodKind.Week),
            ["month"] = key(PeriodKind.Month),
        };

        return TypedResults.Problem(
            $"Period {period} ended longer ago than the program's leaderboard retention "
                + $"({retention.Days} days, {retention.Weeks} weeks, {retention.Months} months after a period ends).",
            statusCode: StatusCodes.Status404NotFound,
            title: "Period no longer kept",
            extensions: new Dictionary<string, object?>
            {
                ["currentPeriods"] = Each(kind => PeriodKeys.Current(kind, now, rules.Zone)),
                ["oldestKeptPeriods"] = Each(kind => PeriodKeys.OldestKept(kind, now, rules.Zone, retention)),
            });
    }
}

using Loyalty.Client;
using System.Text.Json;
using Loyalty.Domain;
using Loyalty.Gateway.Http;
using Loyalty.Gateway.Leaderboards;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Leaderboards;
using Loyalty.Grains.Interfaces.Members;
using Loyalty.Client.Programs;
using Microsoft.Extensions.Options;
using Loyalty.Gateway.Security;

namespace Loyalty.Gateway.Live;

/// <summary>
/// Server-Sent Events for apps: a board's top N, and a member's view with their rank, sent on every change.
/// Every connection watching the same thing shares one poller, so a thousand viewers of a board cost the cluster
/// what one does.
/// </summary>
public static class LiveEndpoints
{
    public const int MaxLiveTop = 100;

    public static void MapLiveEndpoints(this IEndpointRouteBuilder routes)
    {
        var programs = routes.MapGroup("/v1/programs/{programId}").WithTags("Live").AnsweringProblems(StatusCodes.Status404NotFound);

        programs.MapGet("/leaderboards/{board}/live", async (
            HttpContext context, string programId, string board, string? period, int? top,
            ProgramRulesCache rules, [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock, IClusterClient cluster, LiveFeeds feeds, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, IOptions<LiveOptions> live) =>
        {
            if (await LeaderboardEndpoints.Validate(programId, board, period, rules, clock) is { } problem)
            {
                return problem;
            }

            if (top is < 1 or > MaxLiveTop)
            {
                return Problems.Invalid("top", $"must be between 1 and {MaxLiveTop}");
            }

            var (count, periodKey) = (top ?? 10, period ?? PeriodKeys.All);
            var grain = cluster.GetGrain<ILeaderboardGrain>(GrainKeys.Leaderboard(programId, board, periodKey));
            var options = json.Value.SerializerOptions;
            return LiveEventStream.Serve(context, live.Value, () => feeds.Subscribe(
                $"board/{programId}/{board}/{periodKey}/{count}", live.Value.BoardPollInterval, async _ =>
                    new LiveMessage("leaderboard", JsonSerializer.Serialize(LeaderboardResponse.From(board, periodKey, await grain.Top(count)), options))));
        })
        .WithName("WatchLeaderboard")
        .ForAppsAndMembers()
        .Produces<string>(StatusCodes.Status200OK, "text/event-stream")
        .WithSummary("Server-Sent Events \"leaderboard\": the top N (≤ 100) now and on every change, at most 10 a second.");

        programs.MapGet("/members/{memberId}/live", async (
            HttpContext context, string programId, string memberId, string? board, string? period, int? around,
            ProgramRulesCache rules, [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock, IClusterClient cluster, LiveFeeds feeds, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, IOptions<LiveOptions> live) =>
        {
            var boardName = board ?? Boards.Points;
            if (await LeaderboardEndpoints.Validate(programId, boardName, period, rules, clock) is { } problem)
            {
                return problem;
            }

            if (around is < 0 or > LeaderboardEndpoints.MaxAround)
            {
                return Problems.Invalid("around", $"must be between 0 and {LeaderboardEndpoints.MaxAround}");
            }

            var periodKey = period ?? PeriodKeys.All;
            var member = new MemberLiveView(
                cluster.GetGrain<IMemberGrain>(GrainKeys.Member(programId, memberId)),
                cluster.GetGrain<ILeaderboardGrain>(GrainKeys.Leaderboard(programId, boardName, periodKey)),
                memberId, around ?? 2, live.Value.StandingRefresh, clock, json.Value.SerializerOptions);
            return LiveEventStream.Serve(context, live.Value, () => feeds.Subscribe(
                $"member/{programId}/{memberId}/{boardName}/{periodKey}/{around ?? 2}", live.Value.MemberPollInterval, member.Read));
        })
        .WithName("WatchMember")
        .ForAppsAndTheMember()
        .Produces<string>(StatusCodes.Status200OK, "text/event-stream")
        .WithSummary("Server-Sent Events \"member\" ({member, standing}) now and on every change; \"missing\" while the member has no events.");
    }
}

using Loyalty.Gateway.Http;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Members;
using Loyalty.Grains.Interfaces.Rewards;
using Loyalty.Gateway.Security;

namespace Loyalty.Gateway.Rewards;

/// <summary>
/// A member redeems a reward: stock and points move together or not at all; the client's redemptionId makes the
/// request safe to repeat. Cancelling gives both back.
/// </summary>
public static class RedemptionEndpoints
{
    public sealed record RedemptionRequest(string? RewardId, string? RedemptionId);

    public static void MapRedemptionEndpoints(this IEndpointRouteBuilder routes)
    {
        var redemptions = routes.MapGroup("/v1/programs/{programId}/members/{memberId}/redemptions").WithTags("Rewards").ForAppsAndTheMember().ForConfiguredPrograms();

        redemptions.MapPost("", async (string programId, string memberId, HttpRequest request, IClusterClient cluster) =>
        {
            var (body, problem) = await JsonBody.Read<RedemptionRequest>(request);
            if (problem is not null)
            {
                return problem;
            }

            var errors = new List<(string, string)>();
            if (!Identifiers.IsValid(body!.RewardId))
            {
                errors.Add(("rewardId", Identifiers.Rule));
            }

            if (!Identifiers.IsValidEventId(body.RedemptionId))
            {
                errors.Add(("redemptionId", "is required: any printable text up to 128 characters, unique per redemption"));
            }

            if (errors.Count > 0)
            {
                return Problems.Invalid(errors);
            }

            var result = await cluster.GetGrain<IMemberGrain>(GrainKeys.Member(programId, memberId)).Redeem(body.RedemptionId!, body.RewardId!);
            return Answer(programId, memberId, body.RewardId!, result);
        })
        .WithName("Redeem")
        .Accepts<RedemptionRequest>("application/json")
        .Produces<RedemptionResponse>()
        .Produces<RedemptionResponse>(StatusCodes.Status201Created)
        .AnsweringProblems(StatusCodes.Status409Conflict)
        .WithSummary("Redeems a reward with available points; repeating a redemptionId answers the first outcome.");

        redemptions.MapGet("/{redemptionId}", async (string programId, string memberId, string redemptionId, IClusterClient cluster) =>
        {
            var id = FromRoute(redemptionId);
            var found = await cluster.GetGrain<IMemberGrain>(GrainKeys.Member(programId, memberId)).GetRedemption(id);
            return found is null ? RedemptionNotFound(memberId, id) : TypedResults.Ok(RedemptionResponse.From(found));
        })
        .WithName("GetRedemption")
        .Produces<RedemptionResponse>()
        .WithSummary("One redemption: status redeemed or cancelled, rewardId, points, redeemedAt, cancelledAt.");

        redemptions.MapDelete("/{redemptionId}", async (string programId, string memberId, string redemptionId, IClusterClient cluster) =>
        {
            var id = FromRoute(redemptionId);
            var result = await cluster.GetGrain<IMemberGrain>(GrainKeys.Member(programId, memberId)).CancelRedemption(id);
            return result.Status == RedemptionStatus.Cancelled ? TypedResults.Ok(RedemptionResponse.From(result)) : RedemptionNotFound(memberId, id);
        })
        .WithName("CancelRedemption")
        .Produces<RedemptionResponse>()
        .WithSummary("Cancels a redemption: the points and the unit of stock come back. Safe to repeat.");
    }

    private static IResult Answer(string programId, string memberId, string rewardId, RedemptionResult result) => result.Status switch
    {
        RedemptionStatus.Redeemed => TypedResults.Created(
            $"/v1/programs/{programId}/members/{memberId}/redemptions/{Uri.EscapeDataString(result.RedemptionId)}", RedemptionResponse.From(result)),
        RedemptionStatus.AlreadyRedeemed => TypedResults.Ok(RedemptionResponse.From(result)),
        RedemptionStatus.MemberNotFound => MemberNotFound(programId, memberId),
        RedemptionStatus.RewardNotFound => RewardEndpoints.RewardNotFound(programId, rewardId),
        RedemptionStatus.InsufficientPoints => Problems.Conflict("Not enough available points", "The reward costs more than the member's available points (pending points cannot be spent)."),
        RedemptionStatus.OutOfStock => Problems.Conflict("Out of stock", $"Reward '{rewardId}' has no stock left."),
        RedemptionStatus.LimitReached => Problems.Conflict("Limit reached", $"The member has redeemed reward '{rewardId}' as often as it allows."),
        RedemptionStatus.NotValidNow => Problems.Conflict("Not redeemable now", $"Reward '{rewardId}' is outside its validFrom/validTo window."),
        _ => Problems.Invalid("redemptionId", "is already used by another redemption"),
    };

    /// <summary>
    /// A redemption id is any printable text, so its URL escapes it. Kestrel unescapes a path except for "%2F",
    /// which would otherwise change the route; that one is unescaped here.
    /// </summary>
    private static string FromRoute(string redemptionId) => redemptionId.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    private static IResult RedemptionNotFound(string memberId, string redemptionId) =>
        Problems.NotFound("Redemption not found", $"Member '{memberId}' has no redemption '{redemptionId}'.");

    private static IResult MemberNotFound(string programId, string memberId) =>
        Problems.NotFound("Member not found", $"Program '{programId}' has no member '{memberId}'.");
}

using Loyalty.Domain;
using Loyalty.Gateway.Http;
using Loyalty.Gateway.Security;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Members;

namespace Loyalty.Gateway.Members;

/// <summary>
/// An admin credits or debits a member's available points by hand, with a reason the ledger keeps. The admin's
/// adjustmentId makes the request safe to repeat; the audit log records who did it and what it changed.
/// </summary>
public static class AdjustmentEndpoints
{
    public sealed record AdjustmentRequest(string? AdjustmentId, long? Points, string? Reason);

    /// <param name="Points">Signed: a credit is positive, a debit negative.</param>
    public sealed record AdjustmentResponse(string AdjustmentId, string MemberId, long Points, string Reason, DateTimeOffset AdjustedAt);

    public static void MapAdjustmentEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/v1/programs/{programId}/members/{memberId}/adjustments").WithTags("Members").ForAdmins().ForConfiguredPrograms()
            .MapPost("", async (string programId, string memberId, HttpRequest request, IClusterClient cluster) =>
            {
                var (body, problem) = await JsonBody.Read<AdjustmentRequest>(request);
                if (problem is not null)
                {
                    return problem;
                }

                if (Validate(body!) is { Count: > 0 } errors)
                {
                    return Problems.Invalid(errors);
                }

                var result = await cluster.GetGrain<IMemberGrain>(GrainKeys.Member(programId, memberId))
                    .Adjust(body!.AdjustmentId!, body.Points!.Value, body.Reason!);
                return Answer(programId, memberId, result);
            })
            .WithName("AdjustPoints")
            .Accepts<AdjustmentRequest>("application/json")
            .Produces<AdjustmentResponse>()
            .Produces<AdjustmentResponse>(StatusCodes.Status201Created)
            .AnsweringProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)
            .WithSummary(
                "Credits (points > 0) or debits (points < 0) the member's available points with a reason; a debit beyond the available "
                + "points is refused with 409. Repeating an adjustmentId answers 200 with the first outcome.");
    }

    private static List<(string, string)> Validate(AdjustmentRequest body)
    {
        var errors = new List<(string, string)>();
        if (!Identifiers.IsValidEventId(body.AdjustmentId))
        {
            errors.Add(("adjustmentId", "is required: any printable text up to 128 characters, unique per adjustment"));
        }

        if (body.Points is not { } points || points == 0 || Math.Abs(points) > MemberAdjustments.MaxPoints)
        {
            errors.Add(("points", $"is required: a credit of 1 to {MemberAdjustments.MaxPoints} or a debit of -1 to -{MemberAdjustments.MaxPoints}, never 0"));
        }

        if (string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > MemberAdjustments.MaxReasonLength || body.Reason.Any(char.IsControl))
        {
            errors.Add(("reason", $"is required: 1-{MemberAdjustments.MaxReasonLength} printable characters, not only spaces"));
        }

        return errors;
    }

    private static IResult Answer(string programId, string memberId, AdjustmentResult result) => result.Status switch
    {
        AdjustmentStatus.Adjusted => TypedResults.Created((string?)null, Response(memberId, result)),
        AdjustmentStatus.AlreadyAdjusted => TypedResults.Ok(Response(memberId, result)),
        AdjustmentStatus.MemberNotFound => Problems.NotFound("Member not found", $"Program '{programId}' has no member '{memberId}'."),
        AdjustmentStatus.InsufficientPoints => Problems.Conflict(
            "Not enough available points", $"The debit of {-result.Points} points is more than the member's available points; nothing changed."),
        _ => Problems.Invalid("adjustmentId", "is already used by an adjustment of other points or another reason"),
    };

    private static AdjustmentResponse Response(string memberId, AdjustmentResult result) =>
        new(result.AdjustmentId, memberId, result.Points, result.Reason!, result.AdjustedAt!.Value);
}

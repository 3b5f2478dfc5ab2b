using Loyalty.Client;
using Loyalty.Gateway.Http;
using Loyalty.Gateway.Security;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Members;

namespace Loyalty.Gateway.Members;

/// <summary>A member's rights over their data: a copy of everything held on them, and erasure.</summary>
public static class PrivacyEndpoints
{
    public static void MapPrivacyEndpoints(this IEndpointRouteBuilder routes)
    {
        var member = routes.MapGroup("/v1/programs/{programId}/members/{memberId}").WithTags("Members").ForAdmins().ForConfiguredPrograms();

        member.MapGet("/export", async (
            string programId, string memberId, IClusterClient cluster, [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock) =>
            await cluster.GetGrain<IMemberGrain>(GrainKeys.Member(programId, memberId)).Export() is { } record
                ? Results.Ok(MemberExportResponse.From(programId, record, clock.GetUtcNow()))
                : Problems.NotFound("Member not found", $"Program '{programId}' has no member '{memberId}'."))
        .WithName("ExportMember")
        .Produces<MemberExportResponse>()
        .WithSummary("Everything held on the member: state as stored, ledger, profile, referral, redemptions, notifications, board standings, dead letters.");

        member.MapDelete("", async (string programId, string memberId, IClusterClient cluster) =>
        {
            await cluster.GetGrain<IMemberGrain>(GrainKeys.Member(programId, memberId)).Erase();
            return Results.NoContent();
        })
        .WithName("EraseMember")
        .Produces(StatusCodes.Status204NoContent)
        .WithSummary("Erases the member everywhere: state, ledger, every kept board, referral code, queued notifications, dead letters. Safe to repeat; a later event starts a new member.");
    }
}

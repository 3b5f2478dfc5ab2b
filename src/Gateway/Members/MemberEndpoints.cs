using Loyalty.Gateway.Http;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Members;
using Loyalty.Gateway.Security;

namespace Loyalty.Gateway.Members;

public static class MemberEndpoints
{
    public const int MaxLedgerPage = 500;

    public static void MapMemberEndpoints(this IEndpointRouteBuilder routes)
    {
        var members = routes.MapGroup("/v1/programs/{programId}/members/{memberId}").WithTags("Members").ForAppsAndTheMember().ForConfiguredPrograms();

        members.MapGet("", async (string programId, string memberId, IClusterClient cluster) =>
        {
            var snapshot = await cluster.GetGrain<IMemberGrain>(GrainKeys.Member(programId, memberId)).GetSnapshot();
            return snapshot is null ? MemberNotFound(programId, memberId) : TypedResults.Ok(MemberResponse.From(snapshot));
        })
        .WithName("GetMember")
        .Produces<MemberResponse>()
        .WithSummary("The member's balances, tier with progress to the next, streak and badges.");

        members.MapGet("/ledger", async (
            string programId, string memberId, int? offset, int? limit, IClusterClient cluster) =>
        {
            if (Problems.InvalidPage(offset, limit, MaxLedgerPage) is { } invalid)
            {
                return invalid;
            }

            var member = cluster.GetGrain<IMemberGrain>(GrainKeys.Member(programId, memberId));
            if (await member.GetSnapshot() is null)
            {
                return MemberNotFound(programId, memberId);
            }

            var page = await member.GetLedger(offset ?? 0, limit ?? 50);
            return TypedResults.Ok(LedgerResponse.From(memberId, page));
        })
        .WithName("GetLedger")
        .Produces<LedgerResponse>()
        .WithSummary("The member's ledger, newest first, paged with offset and limit.");
    }

    private static IResult MemberNotFound(string programId, string memberId) =>
        Problems.NotFound("Member not found", $"Program '{programId}' has no member '{memberId}'.");
}

using Loyalty.Gateway.Http;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Members;
using Loyalty.Grains.Interfaces.Referrals;
using Loyalty.Client.Programs;
using Loyalty.Gateway.Security;

namespace Loyalty.Gateway.Referrals;

/// <summary>A member's referral code, and joining a referrer with one.</summary>
public static class ReferralEndpoints
{
    public sealed record JoinRequest(string? Code);

    public sealed record ReferralCodeResponse(string MemberId, string Code);

    public sealed record JoinResponse(string MemberId, string Code);

    public static void MapReferralEndpoints(this IEndpointRouteBuilder routes)
    {
        var member = routes.MapGroup("/v1/programs/{programId}/members/{memberId}").WithTags("Referrals").ForAppsAndTheMember().ForConfiguredPrograms();

        member.MapPost("/referral-code", async (string programId, string memberId, IClusterClient cluster, ProgramRulesCache programs) =>
        {
            // A code nobody could join with would only mislead the member who shares it.
            if ((await programs.Get(programId))?.Config.Referrals is null)
            {
                return ReferralsOff();
            }

            var code = await cluster.GetGrain<IMemberGrain>(GrainKeys.Member(programId, memberId)).GetReferralCode();
            return code is null
                ? Problems.NotFound("Member not found", $"Program '{programId}' has no member '{memberId}'.")
                : TypedResults.Ok(new ReferralCodeResponse(memberId, code));
        })
        .WithName("GetReferralCode")
        .Produces<ReferralCodeResponse>()
        .AnsweringProblems(StatusCodes.Status409Conflict)
        .WithSummary("The code the member invites with (the same on every call); 409 while the program has no referral rewards.");

        member.MapPost("/referrer", async (string programId, string memberId, HttpRequest request, IClusterClient cluster) =>
        {
            var (body, problem) = await JsonBody.Read<JoinRequest>(request);
            if (problem is not null)
            {
                return problem;
            }

            if (body!.Code is not { Length: 8 } code || !code.All(char.IsAsciiLetterOrDigit))
            {
                return Problems.Invalid("code", "must be a member's 8-character referral code");
            }

            var status = await cluster.GetGrain<IMemberGrain>(GrainKeys.Member(programId, memberId)).JoinReferral(code);
            return status switch
            {
                ReferralStatus.Joined => TypedResults.Ok(new JoinResponse(memberId, code)),
                ReferralStatus.CodeNotFound => Problems.Invalid("code", "no member of this program invites with this code"),
                ReferralStatus.SelfReferral => Problems.Conflict("Self-referral", "A member cannot join with their own referral code."),
                ReferralStatus.Loop => Problems.Conflict("Referral loop", "The code's owner was referred, directly or through others, by this member."),
                ReferralStatus.AlreadyReferred => Problems.Conflict("Already referred", "The member has already joined another member's referral."),
                ReferralStatus.AlreadyCustomer => Problems.Conflict("Already a customer", "Referrals are for members before their first purchase."),
                _ => ReferralsOff(),
            };
        })
        .WithName("JoinReferrer")
        .Accepts<JoinRequest>("application/json")
        .Produces<JoinResponse>()
        .AnsweringProblems(StatusCodes.Status409Conflict)
        .WithSummary("Joins the member who owns the code; both are rewarded at this member's first qualifying purchase.");
    }

    private static IResult ReferralsOff() =>
        Problems.Conflict("Referrals disabled", "The program has no referral rewards configured.");
}

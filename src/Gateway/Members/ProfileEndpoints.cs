using Loyalty.Client;
using Loyalty.Gateway.Http;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Members;
using Loyalty.Client.Programs;
using Loyalty.Gateway.Security;

namespace Loyalty.Gateway.Members;

/// <summary>The member's profile: the birth date the birthday bonus is paid on.</summary>
public static class ProfileEndpoints
{
    public static void MapProfileEndpoints(this IEndpointRouteBuilder routes)
    {
        var profiles = routes.MapGroup("/v1/programs/{programId}/members/{memberId}/profile").WithTags("Members").ForApps().ForConfiguredPrograms();
        profiles.MapPut("", async (
            string programId, string memberId, HttpRequest request, ProgramRulesCache programs, [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock, IClusterClient cluster) =>
        {
            var (profile, problem) = await JsonBody.Read<ProfileRequest>(request);
            if (problem is not null)
            {
                return problem;
            }

            var rules = (await programs.Get(programId))!;
            var today = Domain.ProgramCalendar.LocalDate(clock.GetUtcNow(), rules.Zone);
            if (profile!.BirthDate is { } date && (date > today || date.Year < 1900))
            {
                return Problems.Invalid("birthDate", "must be a date (YYYY-MM-DD) from 1900 to today");
            }

            var member = await cluster.GetGrain<IMemberGrain>(GrainKeys.Member(programId, memberId)).SetBirthDate(profile.BirthDate);
            return TypedResults.Ok(MemberResponse.From(member));
        })
        .WithName("SetProfile")
        .Accepts<ProfileRequest>("application/json")
        .Produces<MemberResponse>()
        .WithSummary("Sets the member's birth date (null clears it); the birthday bonus is credited on the birthday in the program's time zone.");
    }
}

public sealed record ProfileRequest(DateOnly? BirthDate);

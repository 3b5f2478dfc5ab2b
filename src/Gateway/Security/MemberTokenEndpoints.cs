using Loyalty.Client;
using Loyalty.Gateway.Http;
using Microsoft.Extensions.Options;

namespace Loyalty.Gateway.Security;

public static class MemberTokenEndpoints
{
    public static void MapMemberTokenEndpoints(this IEndpointRouteBuilder routes)
    {
        var tokens = routes.MapGroup("/v1/programs/{programId}/members/{memberId}/tokens").WithTags("Members").ForApps().ForConfiguredPrograms()
            .AnsweringProblems(StatusCodes.Status404NotFound);
        tokens.MapPost("", async (string programId, string memberId,
                ProgramKeyCache keys, IOptions<SecurityOptions> options, [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock) =>
            {
                var (token, expiresAt) = MemberTokens.Issue(
                    programId, memberId, await keys.Credentials(programId), clock.GetUtcNow(), options.Value.MemberTokenLifetime);
                return TypedResults.Ok(new IssuedToken(token, expiresAt));
            })
            .WithName("IssueMemberToken")
            .Produces<IssuedToken>()
            .WithSummary("A short-lived token that reads and acts for this member only: for apps and browsers.");
    }

    public sealed record IssuedToken(string Token, DateTimeOffset ExpiresAt);
}

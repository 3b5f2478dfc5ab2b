using Loyalty.Grains.Interfaces.Security;
using Microsoft.AspNetCore.Authorization;

namespace Loyalty.Gateway.Security;

/// <summary>
/// The operator passes everything. A key passes routes of its own program whose role it has (an admin has every
/// role). A member token passes routes of its program that let members in: those naming its member, or those shown to
/// every member.
/// </summary>
public sealed class ProgramAccessHandler : IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        var user = context.User;
        var route = (context.Resource as HttpContext)?.Request.RouteValues;
        foreach (var requirement in context.PendingRequirements.ToList())
        {
            var passes = user.IsOperator() || requirement switch
            {
                ProgramAccess access => route?["programId"] is string programId && user.ProgramId() == programId
                    && (user.Role() is { } role ? Satisfies(role, access.Role) : MemberPasses(user.MemberId(), access.Members, route)),
                _ => false,
            };
            if (passes)
            {
                context.Succeed(requirement);
            }
        }

        return Task.CompletedTask;
    }

    private static bool MemberPasses(string? member, MemberAccess access, RouteValueDictionary route) => member is not null && access switch
    {
        MemberAccess.TheMember => route["memberId"] as string == member,
        MemberAccess.AnyMember => true,
        _ => false,
    };

    private static bool Satisfies(ApiRole held, ApiRole needed) => held == ApiRole.Admin || held == needed;
}

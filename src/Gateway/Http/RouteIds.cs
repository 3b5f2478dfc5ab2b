namespace Loyalty.Gateway.Http;

/// <summary>
/// Ids in a path become grain keys, ledger entries and Location headers, so every route checks them before it
/// reads or stores anything: a bad id is a 400 naming the route parameter, whatever the method.
/// </summary>
public static class RouteIds
{
    public static RouteGroupBuilder ValidatingRouteIds(this RouteGroupBuilder group) =>
        group.AddEndpointFilter(async (context, next) =>
        {
            foreach (var (name, value) in context.HttpContext.Request.RouteValues)
            {
                if (value is string id && Check(name, id) is { } rule)
                {
                    return Problems.Invalid(name, rule);
                }
            }

            return await next(context);
        });

    /// <summary>The rule <paramref name="id"/> breaks, or null when it is sound or not an id.</summary>
    private static string? Check(string name, string id) => name switch
    {
        "programId" or "memberId" or "rewardId" or "challengeId" => Identifiers.IsValid(id) ? null : Identifiers.Rule,
        "redemptionId" => Identifiers.IsValidEventId(id) ? null : Identifiers.EventIdRule,
        _ => null,
    };
}

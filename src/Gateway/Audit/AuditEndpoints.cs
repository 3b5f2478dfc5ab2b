using Loyalty.Gateway.Http;
using Loyalty.Gateway.Security;
using Loyalty.Grains.Interfaces.Audit;

namespace Loyalty.Gateway.Audit;

/// <summary>A program's audit log for its admins: newest first, paged with before (the last sequence of the page before).</summary>
public static class AuditEndpoints
{
    public const int MaxPage = 500;

    public static void MapAuditEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/v1/programs/{programId}/audit").WithTags("Audit").ForAdmins().ForConfiguredPrograms()
            .MapGet("", async (string programId, int? limit, long? before, IGrainFactory grains) =>
            {
                if (limit is < 1 or > MaxPage)
                {
                    return Problems.Invalid("limit", $"must be between 1 and {MaxPage}");
                }

                if (before is < 1)
                {
                    return Problems.Invalid("before", "must be a sequence number, 1 or more");
                }

                var size = limit ?? 100;
                var entries = await grains.GetGrain<IAuditLogGrain>(programId).Page(size, before);
                return TypedResults.Ok(new AuditPage(
                    [.. entries.Select(e => new AuditItem(e.Sequence, e.Action.At, e.Action.Actor, e.Action.Action, e.Action.Path, e.Action.Status, e.Action.Change))],
                    entries.Length == size && entries[^1].Sequence > 1 ? entries[^1].Sequence : null));
            })
            .WithName("GetAuditLog")
            .Produces<AuditPage>()
            .WithSummary($"Admin actions (configuration, rewards, challenges, keys, dead letters, erasures), newest first; at most {MaxPage} a page.");
    }

    /// <param name="Change">The request body with secrets masked.</param>
    public sealed record AuditItem(long Sequence, DateTimeOffset At, string Actor, string Action, string Path, int Status, string? Change);

    /// <param name="Next">Pass as <c>before</c> for the next page; null on the last.</param>
    public sealed record AuditPage(IReadOnlyList<AuditItem> Items, long? Next);
}

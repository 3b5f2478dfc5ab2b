using System.Buffers.Text;
using System.Text;
using Loyalty.Client.Programs;
using Loyalty.Gateway.Http;
using Loyalty.Gateway.Security;
using Loyalty.Grains.Interfaces.Members;

namespace Loyalty.Gateway.Members;

/// <summary>
/// Every member of a program for its admins, in order of member id, paged with an opaque cursor; a tier and an id
/// prefix narrow it. Read from the member directory the members keep current after each change.
/// </summary>
public static class MemberListingEndpoints
{
    public const int MaxPage = 500;

    public const int DefaultPage = 100;

    public static void MapMemberListingEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/v1/programs/{programId}/members").WithTags("Members").ForAdmins().ForConfiguredPrograms()
            .MapGet("", async (string programId, int? limit, string? cursor, string? tier, string? prefix, HttpRequest request, IClusterClient cluster, ProgramRulesCache programs) =>
            {
                // Given empty ("?tier="), a value binds as none; it is refused, not read as no filter.
                (cursor, tier, prefix) = (Given(request, "cursor", cursor), Given(request, "tier", tier), Given(request, "prefix", prefix));
                if (limit is < 1 or > MaxPage)
                {
                    return Problems.Invalid("limit", $"must be between 1 and {MaxPage}");
                }

                string? after = null;
                if (cursor is not null && (after = Cursor.Read(cursor)) is null)
                {
                    return Problems.Invalid("cursor", "is not a cursor this listing gave; start without one");
                }

                if (prefix is not null && !Identifiers.IsValid(prefix))
                {
                    return Problems.Invalid("prefix", $"must be the start of a member id ({Identifiers.Rule})");
                }

                var tiers = (await programs.Get(programId))?.Config.Tiers ?? [];
                if (tier is not null && !tiers.Any(t => t.Name == tier))
                {
                    return Problems.Invalid("tier", $"must be a tier of the program: {string.Join(", ", tiers.Select(t => t.Name))}");
                }

                var page = await cluster.GetGrain<IMemberListingGrain>(programId).Page(new MemberListQuery(after, limit ?? DefaultPage, tier, prefix));
                return TypedResults.Ok(new MemberList(
                    [.. page.Items.Select(m => new MemberListItem(m.MemberId, m.Tier, m.Available, m.LastEventAt))],
                    page.Last is { } last ? Cursor.After(last) : null));
            })
            .WithName("ListMembers")
            .Produces<MemberList>()
            .WithSummary($"Every member of the program in order of id, with tier, available points and when their newest event occurred; " +
                $"at most {MaxPage} a page (default {DefaultPage}), narrowed by tier and id prefix.");
    }

    private static string? Given(HttpRequest request, string name, string? bound) =>
        bound ?? (request.Query.ContainsKey(name) ? "" : null);

    /// <summary>The cursor names the last member of a page; it is opaque so its form may change.</summary>
    private static class Cursor
    {
        public static string After(string memberId) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(memberId));

        public static string? Read(string cursor)
        {
            if (cursor.Length > 4 * Identifiers.MaxLength || !Base64Url.IsValid(cursor))
            {
                return null;
            }

            var memberId = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return Identifiers.IsValid(memberId) ? memberId : null;
        }
    }

    /// <param name="LastEventAt">When the member's newest event occurred (UTC, to the millisecond); absent before any.</param>
    public sealed record MemberListItem(string MemberId, string Tier, long Available, DateTimeOffset? LastEventAt);

    /// <param name="Next">Pass as <c>cursor</c> for the next page; absent on the last.</param>
    public sealed record MemberList(IReadOnlyList<MemberListItem> Items, string? Next);
}

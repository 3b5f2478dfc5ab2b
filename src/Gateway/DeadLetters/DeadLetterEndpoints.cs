using System.Collections.Immutable;
using Loyalty.Gateway.Http;
using Loyalty.Client.Ingestion;
using Loyalty.Grains.Interfaces.DeadLetters;
using Loyalty.Gateway.Security;

namespace Loyalty.Gateway.DeadLetters;

/// <summary>
/// Events a member could not apply, for operators: list them, replay them (once the cause is mended) or discard
/// them. A replayed event that fails again is parked again, its attempts counted.
/// </summary>
public static class DeadLetterEndpoints
{
    public const int MaxPage = 500;

    public static void MapDeadLetterEndpoints(this IEndpointRouteBuilder routes)
    {
        var letters = routes.MapGroup("/v1/programs/{programId}/dead-letters").WithTags("Dead letters").ForAdmins().ForConfiguredPrograms();

        letters.MapGet("", async (string programId, int? limit, string? after, IClusterClient cluster) =>
        {
            if (limit is < 1 or > MaxPage)
            {
                return Problems.Invalid("limit", $"must be between 1 and {MaxPage}");
            }

            var page = await cluster.GetGrain<IDeadLetterGrain>(programId).List(limit ?? 100, after);
            return TypedResults.Ok(new DeadLetterPageResponse(page.Total, [.. page.Items.Select(DeadLetterResponse.From)], page.Next));
        })
        .WithName("ListDeadLetters")
        .Produces<DeadLetterPageResponse>()
        .WithSummary("Dead letters, oldest first, paged with limit and after (the last eventId of the page before).");

        letters.MapPost("/replay", async (string programId, HttpRequest request, IClusterClient cluster, MemberEventPublisher publisher, HttpContext context) =>
        {
            var (selection, problem) = await ReadSelection(request);
            if (problem is not null)
            {
                return problem;
            }

            var grain = cluster.GetGrain<IDeadLetterGrain>(programId);
            var held = await grain.Get(selection);
            if (held.Length > 0 && !await publisher.Republish(programId, [.. held.Select(l => l.Event)]))
            {
                return Problems.Unavailable(context, "The events could not be published again; they stay parked. Retry the replay.");
            }

            // Forgotten only once published: a replay cut short leaves them parked, and members apply each event once.
            await grain.Remove([.. held.Select(l => l.Event.EventId)]);
            return TypedResults.Ok(new DeadLetterActionResponse(held.Length, [.. selection.Except(held.Select(l => l.Event.EventId))]));
        })
        .Accepts<DeadLetterSelection>("application/json")
        .WithName("ReplayDeadLetters")
        .Produces<DeadLetterActionResponse>()
        .WithSummary("Publishes the named dead letters again to their members and forgets them.");

        letters.MapPost("/discard", async (string programId, HttpRequest request, IClusterClient cluster) =>
        {
            var (selection, problem) = await ReadSelection(request);
            if (problem is not null)
            {
                return problem;
            }

            var grain = cluster.GetGrain<IDeadLetterGrain>(programId);
            var held = await grain.Get(selection);
            await grain.Remove([.. held.Select(l => l.Event.EventId)]);
            return TypedResults.Ok(new DeadLetterActionResponse(held.Length, [.. selection.Except(held.Select(l => l.Event.EventId))]));
        })
        .Accepts<DeadLetterSelection>("application/json")
        .WithName("DiscardDeadLetters")
        .Produces<DeadLetterActionResponse>()
        .WithSummary("Forgets the named dead letters without applying them.");
    }

    private static async Task<(ImmutableArray<string> EventIds, IResult? Problem)> ReadSelection(HttpRequest request)
    {
        var (selection, problem) = await JsonBody.Read<DeadLetterSelection>(request);
        if (problem is not null)
        {
            return ([], problem);
        }

        if (selection!.EventIds is not { Count: >= 1 and <= MaxPage } ids)
        {
            return ([], Problems.Invalid("eventIds", $"must list 1 to {MaxPage} event ids"));
        }

        return ids.Any(id => !Identifiers.IsValidEventId(id))
            ? ([], Problems.Invalid("eventIds", "must be event ids: 1-128 printable characters"))
            : ([.. ids.Distinct(StringComparer.Ordinal)], null);
    }
}

public sealed record DeadLetterSelection(List<string>? EventIds);

public sealed record DeadLetterActionResponse(int Done, IReadOnlyList<string> NotHeld);

public sealed record DeadLetterPageResponse(int Total, IReadOnlyList<DeadLetterResponse> Items, string? Next);

public sealed record DeadLetterResponse(
    string EventId, string MemberId, string Type, DateTimeOffset OccurredAt, long AmountMinor, string Reason,
    DateTimeOffset FirstParkedAt, DateTimeOffset LastParkedAt, int Attempts)
{
    public static DeadLetterResponse From(DeadLetter letter) => new(
        letter.Event.EventId, letter.Event.MemberId, letter.Event.Kind.ToString().ToLowerInvariant(), letter.Event.OccurredAt,
        letter.Event.AmountMinor, letter.Reason, letter.FirstParkedAt, letter.LastParkedAt, letter.Attempts);
}

using Loyalty.Client;
using System.Text.Json;
using Loyalty.Gateway.Http;
using Loyalty.Grains.Interfaces.Events;
using Loyalty.Client.Ingestion;
using Loyalty.Client.Programs;
using Loyalty.Client.Telemetry;
using Microsoft.AspNetCore.Http.Features;
using Loyalty.Gateway.RateLimits;
using Loyalty.Gateway.Security;

namespace Loyalty.Gateway.Events;

public static class EventEndpoints
{
    public const int MaxEventsPerBatch = 5_000;
    public const long MaxBodyBytes = 32L << 20;

    public static void MapEventEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/programs/{programId}/events", Ingest)
            .WithTags("Events")
            .WithName("IngestEvents")
            .ForProducers()
            .WithMetadata(ChargedPerEvent.Metadata)
            .Accepts<IReadOnlyList<EventItem>>("application/json")
            .Produces<EventBatchResponse>()
            .AnsweringProblems(StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge) // 429 comes with ForProducers
            .WithSummary("Ingests a batch of up to 5,000 purchase, return, engagement and survey events; answers per item (a return whose original purchase is unknown is accepted with a note). Answers 429 with Retry-After, storing nothing, while more events than Loyalty:Ingestion:MaxLag wait to be applied, or when the batch's events exceed what the key may still post (Loyalty:RateLimits:EventsPerSecond).");
    }

    private static async Task<IResult> Ingest(
        string programId, HttpContext context, ProgramRulesCache programs, MemberEventPublisher ingestion, IngestionAdmission admission, ReturnNotes returns,
        CallerRateLimits limits, [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock)
    {
        // Refused before the body is read: under overload, refusing must cost next to nothing.
        if (!admission.IsOpen)
        {
            return TooBusy(context, admission);
        }

        var rules = await programs.Get(programId);
        if (rules is null)
        {
            return Problems.ProgramNotFound(programId);
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return TooLarge($"The body exceeds {MaxBodyBytes} bytes.");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
        }
        catch (JsonException e)
        {
            return Problems.Invalid("body", $"malformed JSON: {e.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return Problems.Invalid("body", "must be a JSON array of events");
            }

            var count = document.RootElement.GetArrayLength();
            if (count > MaxEventsPerBatch)
            {
                return TooLarge($"A batch holds at most {MaxEventsPerBatch} events; this one has {count}.");
            }

            // Every item counts, valid or not: reading a bad one costs as much as a good one.
            using var allowance = limits.Events.AttemptAcquire(context, count);
            if (!allowance.IsAcquired)
            {
                return RateLimitAnswer.For(context, allowance, $"This key is over its event rate; the batch's {count} events were not stored. Resend it after the delay.");
            }

            var batch = EventBatch.Read(document.RootElement, new EventItemReader(rules.Config, clock.GetUtcNow()));
            var events = batch.Valid;
            using var reservation = admission.TryReserve(events.Count);
            if (reservation is null)
            {
                return TooBusy(context, admission);
            }

            var outcome = await ingestion.Publish(programId, events);
            if (!outcome.Complete)
            {
                return Problems.Unavailable(context, "Some events could not be stored; resend the batch (stored events will answer as duplicates).");
            }

            var response = batch.Answer(outcome.Duplicates, await returns.For(programId, events, outcome.Duplicates));
            LoyaltyMetrics.EventsAccepted.Add(response.Accepted);
            LoyaltyMetrics.EventsDuplicate.Add(response.Duplicates);
            LoyaltyMetrics.EventsRejected.Add(response.Rejected);
            return TypedResults.Ok(response);
        }
    }

    private static IResult TooBusy(HttpContext context, IngestionAdmission admission) => Problems.TooBusy(
        context,
        $"More than {admission.MaxLag} events wait to be applied; nothing of this batch was stored. Resend it after the delay.",
        admission.RetryAfterSeconds);

    private static IResult TooLarge(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Batch too large");
}

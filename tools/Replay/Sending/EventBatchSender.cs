using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Loyalty.Replay.Data;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace Loyalty.Replay.Sending;

/// <summary>
/// Sends events to the gateway in batches over a few concurrent lanes. Each member's events stay in one lane, in
/// log order. Unavailable answers (503, 5xx, 408, 429, connection failures, timeouts) are retried by a Polly pipeline
/// with capped exponential backoff, honouring Retry-After, for at most <see cref="SenderOptions.RetryFor"/>; a resent
/// batch is safe because event ids are idempotent, and events stored by an earlier attempt (answered "duplicate" on
/// the retry) count as accepted. Any other answer (a 4xx) is reported, not retried.
/// </summary>
public sealed class EventBatchSender(HttpClient http, SenderOptions options)
{
    private readonly ResiliencePipeline<HttpResponseMessage> retries = new ResiliencePipelineBuilder<HttpResponseMessage>()
        .AddTimeout(options.RetryFor)
        .AddRetry(new HttpRetryStrategyOptions
        {
            // HttpClient's own timeout surfaces as a cancellation the caller did not ask for: transient too.
            ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome)
                || args.Outcome.Exception is OperationCanceledException && !args.Context.CancellationToken.IsCancellationRequested),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = false,
            Delay = options.InitialBackoff,
            MaxDelay = options.MaxBackoff,
        })
        .Build();

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private const int MaxErrorsKept = 10;

    public async Task<ReplaySummary> SendAsync(
        string programId, IReadOnlyList<ReplayEvent> events, IProgress<ReplayProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var tally = new Tally(events.Count, progress);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var lanes = events
            .GroupBy(e => Lane(e.MemberId))
            .Select(lane => SendLane(programId, [.. lane], tally, cancellationToken));
        await Task.WhenAll(lanes);
        return tally.Summary(started.Elapsed);
    }

    private int Lane(string memberId) => (int)((uint)StringComparer.Ordinal.GetHashCode(memberId) % (uint)options.Concurrency);

    private async Task SendLane(string programId, List<ReplayEvent> events, Tally tally, CancellationToken cancellationToken)
    {
        foreach (var batch in events.Chunk(options.BatchSize))
        {
            await SendBatch(programId, batch, tally, cancellationToken);
        }
    }

    private async Task SendBatch(string programId, ReplayEvent[] batch, Tally tally, CancellationToken cancellationToken)
    {
        var path = $"v1/programs/{Uri.EscapeDataString(programId)}/events";
        var attempts = 0;
        var lastFailure = "";
        async ValueTask<HttpResponseMessage> Attempt(CancellationToken token)
        {
            attempts++;
            try
            {
                var response = await http.PostAsJsonAsync(path, batch, Json, token);
                lastFailure = $"HTTP {(int)response.StatusCode}";
                return response;
            }
            catch (Exception e) when (!token.IsCancellationRequested)
            {
                lastFailure = e.Message;
                throw;
            }
        }

        HttpResponseMessage answer;
        try
        {
            answer = await retries.ExecuteAsync(Attempt, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            tally.Fail(batch.Length, $"gave up after {attempts} attempts: {lastFailure}", retries: attempts - 1);
            return;
        }

        using (answer)
        {
            if (!answer.IsSuccessStatusCode)
            {
                tally.Fail(batch.Length, $"HTTP {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync(cancellationToken)}", retries: attempts - 1);
                return;
            }

            var result = await answer.Content.ReadFromJsonAsync<BatchAnswer>(Json, cancellationToken)
                ?? throw new InvalidOperationException("The gateway answered an empty body.");
            tally.Add(batch.Length, result, retries: attempts - 1);
        }
    }

    /// <summary>Counts shared by the lanes.</summary>
    private sealed class Tally(int total, IProgress<ReplayProgress>? progress)
    {
        private readonly Lock gate = new();
        private readonly List<string> errors = [];
        private int sent, accepted, duplicates, rejected, failedBatches, retries;

        public void Add(int count, BatchAnswer answer, int retries)
        {
            var resent = retries > 0;
            lock (gate)
            {
                this.retries += retries;
                sent += count;
                // On a resent batch, "duplicate" means "stored by the attempt whose answer was lost".
                accepted += answer.Accepted + (resent ? answer.Duplicates : 0);
                duplicates += resent ? 0 : answer.Duplicates;
                rejected += answer.Rejected;
                foreach (var item in answer.Results.Where(r => r.Status == "rejected").Take(MaxErrorsKept - errors.Count))
                {
                    errors.Add($"{item.EventId}: {item.Field}: {item.Error}");
                }

                progress?.Report(new ReplayProgress(sent, total));
            }
        }

        public void Fail(int count, string error, int retries)
        {
            lock (gate)
            {
                this.retries += retries;
                sent += count;
                failedBatches++;
                if (errors.Count < MaxErrorsKept)
                {
                    errors.Add(error);
                }

                progress?.Report(new ReplayProgress(sent, total));
            }
        }

        public ReplaySummary Summary(TimeSpan elapsed)
        {
            lock (gate)
            {
                return new ReplaySummary(sent, accepted, duplicates, rejected, failedBatches, retries, elapsed, [.. errors]);
            }
        }
    }
}

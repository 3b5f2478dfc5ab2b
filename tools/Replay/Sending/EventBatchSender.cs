using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Loyalty.Replay.Data;

namespace Loyalty.Replay.Sending;

/// <summary>
/// Sends events to the gateway in batches over a few concurrent lanes. Each member's events stay in one lane, in
/// log order. Unavailable answers (503, 5xx, 429, connection failures) are retried with capped exponential backoff,
/// honouring Retry-After; a resent batch is safe because event ids are idempotent, and events stored by an earlier
/// attempt (answered "duplicate" on the retry) count as accepted.
/// </summary>
public sealed class EventBatchSender(HttpClient http, SenderOptions options)
{
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
        var deadline = DateTime.UtcNow + options.RetryFor;
        var delay = options.InitialBackoff;
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan? retryAfter = null;
            string failure;
            try
            {
                using var response = await http.PostAsJsonAsync($"v1/programs/{Uri.EscapeDataString(programId)}/events", batch, Json, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    var answer = await response.Content.ReadFromJsonAsync<BatchAnswer>(Json, cancellationToken)
                        ?? throw new InvalidOperationException("The gateway answered an empty body.");
                    tally.Add(batch.Length, answer, resent: attempt > 1);
                    return;
                }

                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!IsRetryable(response.StatusCode))
                {
                    tally.Fail(batch.Length, $"HTTP {(int)response.StatusCode}: {body}");
                    return;
                }

                failure = $"HTTP {(int)response.StatusCode}";
                retryAfter = response.Headers.RetryAfter?.Delta;
            }
            catch (HttpRequestException e)
            {
                failure = e.Message;
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                failure = "timeout: " + e.Message;
            }

            if (DateTime.UtcNow + delay > deadline)
            {
                tally.Fail(batch.Length, $"gave up after {attempt} attempts: {failure}");
                return;
            }

            tally.Retry();
            await Task.Delay(retryAfter is { } wait && wait > delay ? wait : delay, cancellationToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxBackoff.Ticks));
        }
    }

    private static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    /// <summary>Counts shared by the lanes.</summary>
    private sealed class Tally(int total, IProgress<ReplayProgress>? progress)
    {
        private readonly Lock gate = new();
        private readonly List<string> errors = [];
        private int sent, accepted, duplicates, rejected, failedBatches, retries;

        public void Add(int count, BatchAnswer answer, bool resent)
        {
            lock (gate)
            {
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

        public void Fail(int count, string error)
        {
            lock (gate)
            {
                sent += count;
                failedBatches++;
                if (errors.Count < MaxErrorsKept)
                {
                    errors.Add(error);
                }

                progress?.Report(new ReplayProgress(sent, total));
            }
        }

        public void Retry()
        {
            lock (gate)
            {
                retries++;
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

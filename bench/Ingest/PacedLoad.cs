using System.Diagnostics;
using System.Net.Http.Json;
using Loyalty.Replay.Data;
using Loyalty.Replay.Sending;

namespace Loyalty.Bench.Ingest;

/// <summary>
/// A steady load: the log's purchases over and over (each pass under fresh event ids, so the same customers buy
/// again) at a fixed rate, in small batches on a schedule, until stopped. Each member's events stay on one lane in
/// log order. A batch that falls behind its schedule is sent at once; a refused batch (429, 5xx) is counted, not
/// retried, so the offered rate never grows to make up for it.
/// </summary>
public sealed class PacedLoad
{
    private const int Lanes = 4;

    private readonly CancellationTokenSource stop = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Task[] lanes;
    private long sent, accepted, refused;

    public sealed record Summary(long Sent, long Accepted, long Refused, TimeSpan Elapsed)
    {
        public double OfferedPerSecond => Sent / Elapsed.TotalSeconds;
    }

    private PacedLoad(HttpClient http, string program, IReadOnlyList<ReplayEvent> log, double eventsPerSecond, int batchSize)
    {
        var perLane = log.GroupBy(e => (uint)StringComparer.Ordinal.GetHashCode(e.MemberId) % Lanes).Select(lane => lane.ToList()).ToList();
        lanes = [.. perLane.Select(lane => Task.Run(() => SendLane(http, program, lane, eventsPerSecond * lane.Count / log.Count, batchSize)))];
    }

    /// <summary>Starts sending at once; pass n sends the log under the event ids "{id}-load{n}".</summary>
    public static PacedLoad Start(HttpClient http, string program, IReadOnlyList<ReplayEvent> log, double eventsPerSecond, int batchSize) =>
        new(http, program, log, eventsPerSecond, batchSize);

    public long Accepted => Interlocked.Read(ref accepted);

    public async Task<Summary> Stop()
    {
        await stop.CancelAsync();
        await Task.WhenAll(lanes);
        return new Summary(Interlocked.Read(ref sent), Interlocked.Read(ref accepted), Interlocked.Read(ref refused), clock.Elapsed);
    }

    private async Task SendLane(HttpClient http, string program, List<ReplayEvent> lane, double eventsPerSecond, int batchSize)
    {
        var batchesSent = 0L;
        for (var pass = 1; !stop.IsCancellationRequested; pass++)
        {
            foreach (var chunk in lane.Chunk(batchSize))
            {
                var due = TimeSpan.FromSeconds(batchesSent++ * batchSize / eventsPerSecond);
                if (due > clock.Elapsed)
                {
                    try
                    {
                        await Task.Delay(due - clock.Elapsed, stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }

                var batch = chunk.WithIdSuffix($"-load{pass}");
                await Send(http, program, batch);
            }
        }
    }

    private async Task Send(HttpClient http, string program, ReplayEvent[] batch)
    {
        Interlocked.Add(ref sent, batch.Length);
        try
        {
            using var response = await http.PostAsJsonAsync($"v1/programs/{program}/events", batch, EventBatchSender.Json);
            if (response.IsSuccessStatusCode && await response.Content.ReadFromJsonAsync<BatchAnswer>(EventBatchSender.Json) is { } answer)
            {
                Interlocked.Add(ref accepted, answer.Accepted);
                Interlocked.Add(ref refused, answer.Rejected);
                return;
            }
        }
        catch (HttpRequestException)
        {
        }

        Interlocked.Add(ref refused, batch.Length);
    }
}

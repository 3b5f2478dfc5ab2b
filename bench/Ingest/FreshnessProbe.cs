using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Loyalty.Bench.Ingest;

/// <summary>
/// One purchase for a member never seen, large enough to top the points board, then the time from the events call's
/// answer until the member view shows the member and until the board's top N lists it. Each probe outbids the
/// board's current leader, so it must enter the top N however many probes came before.
/// </summary>
public sealed class FreshnessProbe(HttpClient http, string program, string prefix)
{
    public const int TopN = 10;
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

    private int sent;

    public sealed record Sample(double MemberMs, double BoardMs);

    public async Task<Sample> Run()
    {
        var memberId = $"{prefix}-{Interlocked.Increment(ref sent)}";
        var leader = (await Top()).FirstOrDefault()?.Score ?? 0;
        var purchase = new[]
        {
            // Points are one per currency unit: this is the leader's score plus 1,000 points.
            new { type = "purchase", eventId = memberId, memberId, occurredAt = DateTimeOffset.UtcNow, amountMinor = (leader + 1_000) * 100, currency = "USD" },
        };
        (await http.PostAsJsonAsync($"v1/programs/{program}/events", purchase)).EnsureSuccessStatusCode();
        var clock = Stopwatch.StartNew();
        await Until(async () =>
        {
            using var response = await http.GetAsync($"v1/programs/{program}/members/{memberId}");
            return response.StatusCode == HttpStatusCode.OK;
        }, memberId);
        var member = clock.Elapsed.TotalMilliseconds;
        await Until(async () => (await Top()).Any(entry => entry.MemberId == memberId), memberId);
        return new Sample(member, clock.Elapsed.TotalMilliseconds);
    }

    private async Task<IReadOnlyList<TopEntry>> Top() =>
        (await http.GetFromJsonAsync<TopAnswer>($"v1/programs/{program}/leaderboards/points?top={TopN}"))?.Entries ?? [];

    private static async Task Until(Func<Task<bool>> shown, string memberId)
    {
        var until = DateTime.UtcNow + GiveUpAfter;
        while (!await shown())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Probe {memberId} was not shown within {GiveUpAfter.TotalSeconds:N0} s.");
            }

            await Task.Delay(1);
        }
    }

    private sealed record TopAnswer(IReadOnlyList<TopEntry> Entries);

    private sealed record TopEntry(int Rank, string MemberId, long Score);
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Loyalty.Bench.Ingest;

/// <summary>How long after the events call answers a new member shows in the member view and on the leaderboard.</summary>
public static class ReadYourWrites
{
    public sealed record Result(int Samples, double MemberP50, double MemberP99, double BoardP50, double BoardP99);

    public static async Task<Result> Measure(HttpClient http, string program, int samples)
    {
        var member = new List<double>(samples);
        var board = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var memberId = $"ryw-{i}";
            var purchase = new[]
            {
                new { type = "purchase", eventId = $"ryw-{i}", memberId, occurredAt = DateTimeOffset.UtcNow, amountMinor = 1_000, currency = "USD" },
            };
            (await http.PostAsJsonAsync($"v1/programs/{program}/events", purchase)).EnsureSuccessStatusCode();
            var clock = Stopwatch.StartNew();
            await Until(http, $"v1/programs/{program}/members/{memberId}");
            member.Add(clock.Elapsed.TotalMilliseconds);
            await Until(http, $"v1/programs/{program}/leaderboards/points/members/{memberId}");
            board.Add(clock.Elapsed.TotalMilliseconds);
        }

        return new Result(samples, Percentile(member, 50), Percentile(member, 99), Percentile(board, 50), Percentile(board, 99));
    }

    private static async Task Until(HttpClient http, string path)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < until)
        {
            using var response = await http.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(1);
        }

        throw new TimeoutException($"{path} did not appear within 10 s.");
    }

    private static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }
}

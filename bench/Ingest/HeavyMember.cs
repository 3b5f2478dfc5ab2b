using Loyalty.Replay.Data;
using Loyalty.Replay.Sending;

namespace Loyalty.Bench.Ingest;

/// <summary>
/// One member with a long history: <see cref="Purchases"/> purchases, one a day ending yesterday (about eight years),
/// sent in time order, so the state shows what its bounds keep of a history that size.
/// </summary>
public static class HeavyMember
{
    public const int Purchases = 3_000;
    public const string MemberId = "heavy-1";

    public static async Task<ReplaySummary> Send(HttpClient http, string program)
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var yesterday = DateTime.SpecifyKind(DateTime.UtcNow.Date.AddDays(-1).AddHours(12), DateTimeKind.Unspecified); // noon, New York time
        var events = Enumerable.Range(0, Purchases).Select(i =>
        {
            var day = yesterday.AddDays(i - Purchases + 1);
            return new ReplayEvent(ReplayEvent.PurchaseType, $"{MemberId}-{i}", MemberId,
                new DateTimeOffset(day, newYork.GetUtcOffset(day)), 1_000 + (i % 10) * 1_000, CdnowReader.Currency);
        }).ToList();
        return await new EventBatchSender(http, new SenderOptions { BatchSize = 500, Concurrency = 1 }).SendAsync(program, events);
    }
}

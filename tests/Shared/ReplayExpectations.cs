using Loyalty.Replay.Data;

namespace Loyalty.Tests.Shared;

/// <summary>What a replayed log must leave behind, computed from the log alone.</summary>
public static class ReplayExpectations
{
    /// <summary>Net spend per member: purchases minus returns (the logs' returns name no original, so none is capped).</summary>
    public static Dictionary<string, long> NetSpend(IEnumerable<ReplayEvent> events) => events
        .GroupBy(e => e.MemberId)
        .ToDictionary(g => g.Key, g => g.Sum(e => e.Type == ReplayEvent.PurchaseType ? e.AmountMinor : -e.AmountMinor));

    /// <summary>Waits until every member shows the spend the log implies, i.e. every event was applied.</summary>
    public static async Task WaitUntilApplied(HttpClient client, string program, Dictionary<string, long> netSpend, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        await Parallel.ForEachAsync(netSpend, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (expected, _) =>
        {
            var (memberId, spend) = expected;
            var member = await Polling.Eventually(() => client.PollJson($"/v1/programs/{program}/members/{memberId}"),
                m => m?.Long("lifetimeSpendMinor") == spend, until - DateTime.UtcNow);
            if (member?.Long("lifetimeSpendMinor") != spend)
            {
                using var response = await client.GetAsync($"/v1/programs/{program}/members/{memberId}", TestContext.Current.CancellationToken);
                Assert.Fail($"member {memberId} has not reached spend {spend}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
            }
        });
    }
}

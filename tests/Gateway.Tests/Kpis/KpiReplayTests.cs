using System.Globalization;
using Loyalty.Gateway.Programs;
using Loyalty.Replay.Data;
using Loyalty.Replay.Sending;

namespace Loyalty.Gateway.Tests.Kpis;

/// <summary>
/// The whole Online Retail log through the HTTP API, then every KPI field against a reference worked out here: counts
/// and spend from the log itself, points and tiers from each member's own view and ledger.
/// </summary>
public sealed class KpiReplayTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    [Fact]
    public async Task Every_kpi_of_a_replayed_log_equals_a_reference_computed_from_the_log_and_the_members()
    {
        var data = OnlineRetailReader.Read(SharedData.File("online_retail.csv"));
        var program = await Programs.Create(client, DemoProgram.ConfigurationJson);
        var summary = await new EventBatchSender(client, new SenderOptions()).SendAsync(program, data.Events, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(summary.Clean, string.Join("; ", summary.Errors));
        await ReplayExpectations.WaitUntilApplied(client, program, ReplayExpectations.NetSpend(data.Events), TimeSpan.FromSeconds(120));

        var reference = await KpiReference.Of(client, program, data.Events);
        Assert.True(reference.Program is { Members: > 400, RepeatPurchasers: > 100, Returns: > 400, ClawedBack: > 0 } && reference.Days.Count > 300,
            $"a log too small to tell: {reference.Program.Members} members, {reference.Program.Returns} returns, {reference.Days.Count} days");
        var kpis = (await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/kpis"),
            k => k?.Long("members") == reference.Program.Members && k.Long("points.issued") == reference.Program.Issued, TimeSpan.FromSeconds(30)))!;

        reference.Program.AssertMatches(kpis, "program", group: false);
        Assert.Equal(0, kpis.Long("activeMembers30d")); // the log ends in 2011
        Assert.Equal(
            reference.Tiers.Where(t => t.Value.Members > 0).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, t.Value.Members)),
            kpis["tiers"]!.AsObject().Where(t => t.Value!.GetValue<long>() > 0).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, t.Value!.GetValue<long>())));
        foreach (var (by, expected) in new[] { ("tier", reference.Tiers), ("segment", reference.Segments) })
        {
            var groups = (await client.GetJson($"/v1/programs/{program}/kpis?by={by}"))!["groups"]!.AsArray()
                .ToDictionary(g => g!["key"]!.GetValue<string>(), g => g!);
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), groups.Where(g => g.Value.Long("members") > 0).Select(g => g.Key).Order(StringComparer.Ordinal));
            foreach (var (key, totals) in expected)
            {
                totals.AssertMatches(groups[key], $"{by} {key}", group: true);
            }
        }

        var first = reference.Days.Keys.Min();
        var last = reference.Days.Keys.Max();
        for (var from = first; from <= last; from = from.AddDays(KpiEndpoints.MaxDays))
        {
            var to = from.AddDays(KpiEndpoints.MaxDays - 1);
            var days = (await client.GetJson($"/v1/programs/{program}/kpis/daily?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"))!["days"]!.AsArray();
            Assert.Equal(KpiEndpoints.MaxDays, days.Count);
            foreach (var day in days)
            {
                var date = DateOnly.Parse(day!["date"]!.GetValue<string>(), CultureInfo.InvariantCulture);
                Assert.Equal(reference.Days.GetValueOrDefault(date) ?? new KpiReference.Day(), KpiReference.Day.From(day));
            }
        }
    }
}

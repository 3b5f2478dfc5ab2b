using System.Globalization;
using System.Text.Json.Nodes;
using Loyalty.Replay.Data;

namespace Loyalty.Gateway.Tests.Kpis;

/// <summary>
/// KPIs worked out apart from the product's aggregation: counts, spend and days from the log (UTC, the demo program's
/// zone), points and tiers from each member's view and ledger, segments from the default RFM thresholds.
/// </summary>
internal sealed class KpiReference
{
    private static readonly long[] FrequencySteps = [2, 4, 8, 16];
    private static readonly long[] MonetarySteps = [10_000, 50_000, 100_000, 500_000];

    public Totals Program { get; } = new();

    public Dictionary<string, Totals> Tiers { get; } = [];

    public Dictionary<string, Totals> Segments { get; } = [];

    public Dictionary<DateOnly, Day> Days { get; } = [];

    public static async Task<KpiReference> Of(HttpClient client, string program, IReadOnlyList<ReplayEvent> events)
    {
        var reference = new KpiReference();
        var facts = new Dictionary<string, MemberFacts>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var date = DateOnly.FromDateTime(e.OccurredAt.UtcDateTime);
            if (!facts.TryGetValue(e.MemberId, out var member))
            {
                facts[e.MemberId] = member = new MemberFacts();
                reference.DayOf(date).NewMembers++;
            }

            var day = reference.DayOf(date);
            if (e.Type == ReplayEvent.PurchaseType)
            {
                (member.Purchases, member.Gross) = (member.Purchases + 1, member.Gross + e.AmountMinor);
                (day.Purchases, day.GrossSpendMinor) = (day.Purchases + 1, day.GrossSpendMinor + e.AmountMinor);
            }
            else
            {
                (member.Returns, member.Refunded) = (member.Returns + 1, member.Refunded + e.AmountMinor);
                (day.Returns, day.RefundedMinor) = (day.Returns + 1, day.RefundedMinor + e.AmountMinor);
            }
        }

        var lockTaken = new object();
        await Parallel.ForEachAsync(facts, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (pair, _) =>
        {
            var (memberId, member) = pair;
            var view = (await client.GetRequiredJson($"/v1/programs/{program}/members/{memberId}"))!;
            member.Tier = view["tier"]!["current"]!.GetValue<string>();
            (member.Issued, member.ClawedBack, member.Redeemed, member.Expired) =
                (view.Long("points.lifetimeEarned"), view.Long("points.clawedBack"), view.Long("points.redeemed"), view.Long("points.expired"));
            member.Outstanding = view.Long("points.available") + view.Long("points.pending");
            var ledger = await Ledger(client, program, memberId);
            lock (lockTaken)
            {
                foreach (var (kind, points, date) in ledger)
                {
                    var day = reference.DayOf(date);
                    switch (kind)
                    {
                        case "earned" or "bonus": day.PointsIssued += points; break;
                        case "clawedBack": day.PointsClawedBack -= points; break;
                        case "redeemed": day.PointsRedeemed -= points; break;
                        case "expired": day.PointsExpired -= points; break;
                    }
                }
            }
        });

        foreach (var member in facts.Values)
        {
            reference.Program.Add(member);
            Group(reference.Tiers, member.Tier).Add(member);
            Group(reference.Segments, $"f{1 + FrequencySteps.Count(s => member.Purchases >= s)}m{1 + MonetarySteps.Count(s => member.Gross - member.Refunded >= s)}").Add(member);
        }

        return reference;
    }

    private static Totals Group(Dictionary<string, Totals> groups, string key) =>
        groups.TryGetValue(key, out var totals) ? totals : groups[key] = new Totals();

    private Day DayOf(DateOnly date) => Days.TryGetValue(date, out var day) ? day : Days[date] = new Day();

    private static async Task<List<(string Kind, long Points, DateOnly Date)>> Ledger(HttpClient client, string program, string memberId)
    {
        var entries = new List<(string, long, DateOnly)>();
        while (true)
        {
            var page = await client.GetRequiredJson($"/v1/programs/{program}/members/{memberId}/ledger?offset={entries.Count}&limit=500");
            var items = page["entries"]!.AsArray();
            entries.AddRange(items.Select(e => (e!["kind"]!.GetValue<string>(), e["points"]!.GetValue<long>(),
                DateOnly.FromDateTime(DateTimeOffset.Parse(e["occurredAt"]!.GetValue<string>(), CultureInfo.InvariantCulture).UtcDateTime))));
            if (items.Count == 0 || entries.Count >= page.Long("total"))
            {
                return entries;
            }
        }
    }

    internal sealed class MemberFacts
    {
        public long Purchases, Returns, Gross, Refunded, Issued, ClawedBack, Redeemed, Expired, Outstanding;
        public string Tier = "";
    }

    internal sealed class Totals
    {
        public long Members, Purchasers, RepeatPurchasers, Purchases, Returns, Gross, Net, Issued, ClawedBack, Redeemed, Expired, Outstanding;

        public void Add(MemberFacts member)
        {
            Members++;
            Purchasers += member.Purchases >= 1 ? 1 : 0;
            RepeatPurchasers += member.Purchases >= 2 ? 1 : 0;
            (Purchases, Returns, Gross, Net) = (Purchases + member.Purchases, Returns + member.Returns, Gross + member.Gross, Net + member.Gross - member.Refunded);
            (Issued, ClawedBack, Redeemed, Expired, Outstanding) =
                (Issued + member.Issued, ClawedBack + member.ClawedBack, Redeemed + member.Redeemed, Expired + member.Expired, Outstanding + member.Outstanding);
        }

        /// <summary>Every field of a KPI answer, rates and averages worked out here; a point of the demo program is worth one penny.</summary>
        public void AssertMatches(JsonNode answer, string name, bool group)
        {
            static decimal Rate(long part, long whole) => whole == 0 ? 0m : Math.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero);
            var expected = new List<(string, decimal)>
            {
                ("members", Members), ("purchasers", Purchasers), ("repeatPurchasers", RepeatPurchasers), ("repeatPurchaseRate", Rate(RepeatPurchasers, Purchasers)),
                ("purchases", Purchases), ("returns", Returns), ("grossSpendMinor", Gross), ("netSpendMinor", Net),
                ("averageOrderMinor", Purchases == 0 ? 0 : Gross / Purchases), ("points.issued", Issued), ("points.clawedBack", ClawedBack),
                ("points.redeemed", Redeemed), ("points.expired", Expired), ("points.adjusted", 0), ("points.outstanding", Outstanding),
                ("liabilityMinor", Outstanding), ("redemptionRate", Rate(Redeemed, Issued)), ("activeMembers30d", 0),
                ("engagements", 0), ("surveys.answers", 0), ("surveys.nps.responses", 0), ("surveys.nps.score", 0), ("surveys.csat.responses", 0),
                ("surveys.ces.responses", 0),
            };
            if (group)
            {
                expected.Add(("clvMinor", Members == 0 ? 0 : Net / Members));
            }

            var actual = expected.Select(e => (e.Item1, e.Item1.Split('.').Aggregate(answer, (node, key) => node[key]!).GetValue<decimal>()));
            Assert.True(expected.SequenceEqual(actual), $"{name}: expected {string.Join(", ", expected)}; answered {answer.ToJsonString()}");
        }
    }

    internal sealed record Day
    {
        public long NewMembers { get; set; }
        public long Purchases { get; set; }
        public long Returns { get; set; }
        public long GrossSpendMinor { get; set; }
        public long RefundedMinor { get; set; }
        public long PointsIssued { get; set; }
        public long PointsClawedBack { get; set; }
        public long PointsRedeemed { get; set; }
        public long PointsExpired { get; set; }

        public static Day From(JsonNode day)
        {
            Assert.Equal(day.Long("grossSpendMinor") - day.Long("refundedMinor"), day.Long("netSpendMinor"));
            Assert.Equal((0L, 0L, 0L), (day.Long("points.adjusted"), day.Long("engagements"), day.Long("surveyAnswers")));
            return new Day
            {
                NewMembers = day.Long("newMembers"), Purchases = day.Long("purchases"), Returns = day.Long("returns"),
                GrossSpendMinor = day.Long("grossSpendMinor"), RefundedMinor = day.Long("refundedMinor"),
                PointsIssued = day.Long("points.issued"), PointsClawedBack = day.Long("points.clawedBack"),
                PointsRedeemed = day.Long("points.redeemed"), PointsExpired = day.Long("points.expired"),
            };
        }
    }
}

using Loyalty.Grains.Interfaces.Leaderboards;

namespace Loyalty.Bench.Leaderboard;

/// <summary>
/// The same updates for both contenders: a first score for every member, then random members' scores rising, as
/// points do; scores cluster, so there are many ties. Probes are random members to look up.
/// </summary>
internal sealed class Workload
{
    public const string ProgramId = "bench";

    public const string ProgramJson = """
        {"name":"Leaderboard bench","timeZone":"UTC","currency":"GBP","pointsPerUnit":1,"returnWindowDays":30,
         "tiers":[{"name":"member","qualifyingSpendMinor":0}]}
        """;

    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public required IReadOnlyList<ScoreUpdate> Initial { get; init; }

    public required IReadOnlyList<ScoreUpdate> Changes { get; init; }

    public required IReadOnlyList<string> Probes { get; init; }

    public static Workload Create(BenchOptions options)
    {
        var random = new Random(7);
        var ids = Enumerable.Range(0, options.Members).Select(i => $"member-{i:D7}").ToArray();
        var scores = new long[options.Members];
        var initial = new List<ScoreUpdate>(options.Members);
        for (var i = 0; i < ids.Length; i++)
        {
            scores[i] = random.Next(0, 50_000);
            initial.Add(new ScoreUpdate(ids[i], scores[i], Start.AddSeconds(i), Version: 1));
        }

        var changes = new List<ScoreUpdate>(options.Updates);
        for (var i = 0; i < options.Updates; i++)
        {
            var member = random.Next(options.Members);
            scores[member] += random.Next(1, 500);
            changes.Add(new ScoreUpdate(ids[member], scores[member], Start.AddDays(1).AddMilliseconds(i), Version: 2 + i));
        }

        var probes = Enumerable.Range(0, options.Queries).Select(_ => ids[random.Next(options.Members)]).ToList();
        return new Workload { Initial = initial, Changes = changes, Probes = probes };
    }

    /// <summary>Every member's exact rank after all updates: score descending, then who reached it first.</summary>
    public Dictionary<string, int> ReferenceRanks() => Initial.Concat(Changes)
        .GroupBy(u => u.MemberId).Select(g => g.MaxBy(u => u.Version)!)
        .OrderByDescending(u => u.Score).ThenBy(u => u.ReachedAt).ThenBy(u => u.MemberId, StringComparer.Ordinal)
        .Select((u, i) => (u.MemberId, Rank: i + 1))
        .ToDictionary(x => x.MemberId, x => x.Rank);
}

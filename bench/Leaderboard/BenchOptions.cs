using System.CommandLine;
using Loyalty.Tools;

namespace Loyalty.Bench.Leaderboard;

/// <summary>What one run measures, read from the command line.</summary>
internal sealed record BenchOptions(int Members, int Updates, int Queries, int BatchSize, int Concurrency)
{
    private static readonly Option<int> MembersOption = Count("--members", "Members on the board.", 1_000_000);
    private static readonly Option<int> UpdatesOption = Count("--updates", "Score updates sent after the first scores.", 1_000_000);
    private static readonly Option<int> QueriesOption = Count("--queries", "Rank and around-me reads, each.", 10_000);
    private static readonly Option<int> BatchOption = Count("--batch", "Score updates per call.", 5_000);
    private static readonly Option<int> ConcurrencyOption = Count("--concurrency", "Calls in flight at once.", 16);

    public static RootCommand Line { get; } = new("One board with a million members: update throughput and rank latency, beside Redis sorted sets.")
    {
        MembersOption, UpdatesOption, QueriesOption, BatchOption, ConcurrencyOption,
    };

    public static BenchOptions From(ParseResult parsed) => new(
        parsed.GetValue(MembersOption), parsed.GetValue(UpdatesOption), parsed.GetValue(QueriesOption),
        parsed.GetValue(BatchOption), parsed.GetValue(ConcurrencyOption));

    private static Option<int> Count(string name, string description, int fallback) => new Option<int>(name)
    {
        Description = description,
        HelpName = "N",
        DefaultValueFactory = _ => fallback,
    }.AtLeast(1);
}

namespace Loyalty.Bench.Ingest;

/// <summary>Rows of events, seconds and events/s, printed together at the end of a run.</summary>
public sealed class ResultTable
{
    private readonly List<string> rows = [];

    public static double PerSecond(long events, TimeSpan elapsed) => events / elapsed.TotalSeconds;

    public void Add(string scenario, long events, TimeSpan elapsed) =>
        rows.Add($"{scenario,-56}{events,10:N0}{elapsed.TotalSeconds,10:N2}{PerSecond(events, elapsed),12:N0}");

    public void Note(string text) => rows.Add(text);

    public void Print()
    {
        Console.WriteLine($"{"scenario",-56}{"events",10}{"seconds",10}{"events/s",12}");
        rows.ForEach(Console.WriteLine);
    }

    /// <summary>"1.9× PostgreSQL (10,000 events/s)", or why there is no ratio.</summary>
    public static string Ratio(double eventsPerSecond, string baseline, double? baselinePerSecond, double? target = null) =>
        baselinePerSecond is > 0 and { } b
            ? $"{eventsPerSecond / b:N2}× {baseline} ({b:N0} events/s){(target is { } t ? $", target ≥ {t:N0}×: {(eventsPerSecond / b >= t ? "met" : "NOT met")}" : "")}"
            : $"no ratio to {baseline}";
}

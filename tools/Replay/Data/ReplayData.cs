namespace Loyalty.Replay.Data;

/// <summary>The events read from a log, and what was left out and why.</summary>
public sealed record ReplayData(IReadOnlyList<ReplayEvent> Events, IReadOnlyDictionary<string, int> Skipped, string Currency)
{
    public int SkippedTotal => Skipped.Values.Sum();
}

namespace Loyalty.Replay.Sending;

/// <summary>The outcome of a replay, as the gateway answered it.</summary>
public sealed record ReplaySummary(
    int Sent,
    int Accepted,
    int Duplicates,
    int Rejected,
    int FailedBatches,
    int Retries,
    TimeSpan Elapsed,
    IReadOnlyList<string> Errors)
{
    public double EventsPerSecond => Elapsed.TotalSeconds > 0 ? Sent / Elapsed.TotalSeconds : 0;

    public bool Clean => Rejected == 0 && FailedBatches == 0;
}

/// <summary>Events answered so far, out of the total.</summary>
public sealed record ReplayProgress(int Done, int Total);

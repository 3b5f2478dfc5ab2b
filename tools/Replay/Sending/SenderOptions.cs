namespace Loyalty.Replay.Sending;

public sealed record SenderOptions
{
    /// <summary>Events per request (the gateway takes up to 5,000).</summary>
    public int BatchSize { get; init; } = 1_000;

    /// <summary>Requests in flight at once; each member's events stay in one lane.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>How long one batch is retried while the gateway is unavailable.</summary>
    public TimeSpan RetryFor { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);
}

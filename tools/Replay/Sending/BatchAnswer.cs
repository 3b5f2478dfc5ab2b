namespace Loyalty.Replay.Sending;

/// <summary>The gateway's answer to one events batch.</summary>
public sealed record BatchAnswer(int Accepted, int Duplicates, int Rejected, IReadOnlyList<ItemAnswer> Results);

public sealed record ItemAnswer(string? EventId, string Status, string? Field, string? Error);

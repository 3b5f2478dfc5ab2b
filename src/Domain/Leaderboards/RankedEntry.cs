namespace Loyalty.Domain;

/// <summary>A member's place on a board; Rank starts at 1.</summary>
public sealed record RankedEntry(int Rank, string MemberId, long Score, DateTimeOffset ReachedAt);

/// <summary>A board entry as stored: the ranking is rebuilt from these.</summary>
public sealed record BoardEntry(string MemberId, long Score, DateTimeOffset ReachedAt, long Version);

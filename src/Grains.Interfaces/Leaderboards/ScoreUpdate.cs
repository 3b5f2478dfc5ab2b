namespace Loyalty.Grains.Interfaces.Leaderboards;

/// <summary>
/// A member's absolute score on one board. Version orders updates of the same member, so a late copy never
/// overwrites a newer score; ReachedAt breaks ties (earlier ranks higher).
/// </summary>
[GenerateSerializer, Immutable, Alias("loyalty.score-update")]
public sealed record ScoreUpdate(
    [property: Id(0)] string MemberId,
    [property: Id(1)] long Score,
    [property: Id(2)] DateTimeOffset ReachedAt,
    [property: Id(3)] long Version);

/// <summary>A score update addressed to the leaderboard grain with key <see cref="BoardKey"/>.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.board-score-update")]
public sealed record BoardScoreUpdate(
    [property: Id(0)] string BoardKey,
    [property: Id(1)] ScoreUpdate Update);

namespace Loyalty.Grains.Interfaces.Leaderboards;

/// <summary>
/// A member's absolute score on one board. Version orders updates of the same member, so a late copy never
/// overwrites a newer score; ReachedAt breaks ties (earlier ranks higher). An <see cref="Erased"/> update takes the
/// member off the board altogether.
/// </summary>
[GenerateSerializer, Immutable, Alias("loyalty.score-update")]
public sealed record ScoreUpdate(
    [property: Id(0)] string MemberId,
    [property: Id(1)] long Score,
    [property: Id(2)] DateTimeOffset ReachedAt,
    [property: Id(3)] long Version,
    [property: Id(4)] bool Erased = false)
{
    /// <summary>Takes the member off the board; newer than any score the member published before.</summary>
    public static ScoreUpdate Erasure(string memberId, long version) => new(memberId, 0, DateTimeOffset.MinValue, version, Erased: true);
}

/// <summary>A score update addressed to the leaderboard grain with key <see cref="BoardKey"/>.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.board-score-update")]
public sealed record BoardScoreUpdate(
    [property: Id(0)] string BoardKey,
    [property: Id(1)] ScoreUpdate Update);

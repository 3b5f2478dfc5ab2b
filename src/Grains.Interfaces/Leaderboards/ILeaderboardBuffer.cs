using System.Collections.Immutable;

namespace Loyalty.Grains.Interfaces.Leaderboards;

/// <summary>
/// Per-silo pre-aggregation in front of the leaderboard grains: collects absolute scores from member grains and
/// forwards the newest per member and board in one call per board, a few milliseconds later.
/// </summary>
public interface ILeaderboardBuffer : IGrainWithIntegerKey
{
    Task Submit(ImmutableArray<BoardScoreUpdate> updates);

    /// <summary>As <see cref="Submit"/>, but completes only once the boards hold the updates, in every profile.</summary>
    Task SubmitAndWait(ImmutableArray<BoardScoreUpdate> updates);
}

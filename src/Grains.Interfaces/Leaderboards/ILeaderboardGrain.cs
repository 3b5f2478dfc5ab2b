using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Loyalty.Grains.Interfaces.Leaderboards;

/// <summary>The scores of one board in one period (key <c>{program}/{board}/{period}</c>), with exact ranks.</summary>
public interface ILeaderboardGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies absolute scores (an update older than the one held for a member is ignored) and completes once they
    /// are stored. Interleaves, so callers waiting for the next write do not hold up each other or the reads.
    /// </summary>
    [AlwaysInterleave]
    Task Apply(ImmutableArray<ScoreUpdate> updates);

    Task<ImmutableArray<RankedScore>> Top(int count);

    /// <summary>The member's rank and score with <paramref name="around"/> neighbours on each side, or null if absent.</summary>
    Task<MemberStanding?> Standing(string memberId, int around);
}

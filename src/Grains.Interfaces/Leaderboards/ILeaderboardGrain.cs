using System.Collections.Immutable;

namespace Loyalty.Grains.Interfaces.Leaderboards;

/// <summary>
/// Reads one board in one period (key <c>{program}/{board}/{period}</c>) across all its shards, with exact ranks.
/// A stateless worker: every silo answers locally and asks the shards.
/// </summary>
public interface ILeaderboardGrain : IGrainWithStringKey
{
    Task<ImmutableArray<RankedScore>> Top(int count);

    /// <summary>The member's rank and score with <paramref name="around"/> neighbours on each side, or null if absent.</summary>
    Task<MemberStanding?> Standing(string memberId, int around);
}

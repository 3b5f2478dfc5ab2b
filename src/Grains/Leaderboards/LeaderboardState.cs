using Loyalty.Domain;

namespace Loyalty.Grains.Leaderboards;

/// <summary>Persisted entries of one board in one period; the ranking is rebuilt from them on activation.</summary>
public sealed class LeaderboardState
{
    public List<BoardEntry> Entries { get; set; } = [];
}

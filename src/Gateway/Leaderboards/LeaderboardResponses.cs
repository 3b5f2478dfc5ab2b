using Loyalty.Grains.Interfaces.Leaderboards;

namespace Loyalty.Gateway.Leaderboards;

/// <summary>A board's top entries on the wire, mapped here from the leaderboard grain's answers.</summary>
public sealed record LeaderboardResponse(string Board, string Period, IReadOnlyList<RankedScoreResponse> Entries)
{
    public static LeaderboardResponse From(string board, string period, IEnumerable<RankedScore> entries) =>
        new(board, period, [.. entries.Select(RankedScoreResponse.From)]);
}

public sealed record RankedScoreResponse(int Rank, string MemberId, long Score)
{
    public static RankedScoreResponse From(RankedScore entry) => new(entry.Rank, entry.MemberId, entry.Score);
}

/// <summary>A member's exact rank and score, with the neighbours around it.</summary>
public sealed record StandingResponse(int Rank, long Score, IReadOnlyList<RankedScoreResponse> Around)
{
    public static StandingResponse From(MemberStanding standing) =>
        new(standing.Rank, standing.Score, [.. standing.Around.Select(RankedScoreResponse.From)]);
}

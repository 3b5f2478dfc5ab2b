namespace Loyalty.Grains.Interfaces.Challenges;

/// <summary>Each challenge has a leaderboard of its members' progress, over the whole window.</summary>
public static class ChallengeBoards
{
    /// <summary>Ids never contain ':' at the start of a board name, so this cannot meet a program board.</summary>
    public static string Board(string challengeId) => $"challenge:{challengeId}";

    public const string Period = "all";
}

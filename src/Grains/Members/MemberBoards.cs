using Loyalty.Domain;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Challenges;
using Loyalty.Grains.Interfaces.Leaderboards;

namespace Loyalty.Grains.Members;

/// <summary>
/// Every board a member can stand on: each board of each period the member still keeps totals for (a period past its
/// retention is gone from boards too), and the board of every challenge the program has or the member took part in.
/// </summary>
internal static class MemberBoards
{
    public sealed record Key(string Board, string Period, string GrainKey);

    public static IReadOnlyList<string> ChallengeIds(MemberAccount account, ProgramRules rules) =>
        [.. rules.Challenges.Select(c => c.Id).Union(account.Challenges.ById.Keys, StringComparer.Ordinal)];

    public static IEnumerable<Key> Keys(string programId, MemberAccount account, IReadOnlyList<string> challengeIds) =>
        account.Periods.Totals.Keys
            .SelectMany(period => Boards.All.Select(board => new Key(board, period, GrainKeys.Leaderboard(programId, board, period))))
            .Concat(challengeIds.Select(id => ChallengeBoards.Board(id)).Select(board =>
                new Key(board, ChallengeBoards.Period, GrainKeys.Leaderboard(programId, board, ChallengeBoards.Period))));
}

using System.Collections.Immutable;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Challenges;
using Loyalty.Grains.Interfaces.Leaderboards;

namespace Loyalty.Grains.Members;

/// <summary>
/// Sends a member's absolute scores to the leaderboards through this silo's buffer: its totals on the boards of each
/// touched period, and its progress on the board of each changed challenge. Absolute scores make a repeat harmless.
/// </summary>
internal sealed class MemberScorePublisher(IGrainFactory grains, string programId, string memberId)
{
    /// <summary>Publishes the touched periods and the challenges whose progress changed since the last publication.</summary>
    public Task PublishChanged(MemberAccount account, ProgramRules rules, IReadOnlyCollection<string> periods) =>
        Publish(account, periods, [.. account.Challenges.TakeChanged().Select(rules.Challenge).OfType<Challenge>()]);

    public Task Publish(MemberAccount account, IReadOnlyCollection<string> periods, IReadOnlyCollection<Challenge> challenges)
    {
        if (periods.Count == 0 && challenges.Count == 0)
        {
            return Task.CompletedTask;
        }

        var updates = ImmutableArray.CreateBuilder<BoardScoreUpdate>(periods.Count * Boards.All.Count + challenges.Count);
        foreach (var period in periods)
        {
            if (!account.Periods.Totals.TryGetValue(period, out var totals))
            {
                continue; // a period past its retention
            }

            void Add(string board, long score) => updates.Add(new BoardScoreUpdate(
                GrainKeys.Leaderboard(programId, board, period), new ScoreUpdate(memberId, score, totals.ReachedAt, account.Version)));
            Add(Boards.Points, totals.NetPoints);
            Add(Boards.Spend, totals.NetSpendMinor);
            Add(Boards.Purchases, totals.Purchases);
        }

        foreach (var challenge in challenges)
        {
            if (account.Challenges.Progress(challenge.Id) is { } progress)
            {
                updates.Add(new BoardScoreUpdate(
                    GrainKeys.Leaderboard(programId, ChallengeBoards.Board(challenge.Id), ChallengeBoards.Period),
                    new ScoreUpdate(memberId, progress.Value(challenge.Definition.Goal.Kind), progress.ValueChangedAt, account.Version)));
            }
        }

        return grains.GetGrain<ILeaderboardBuffer>(0).Submit(updates.ToImmutable());
    }
}

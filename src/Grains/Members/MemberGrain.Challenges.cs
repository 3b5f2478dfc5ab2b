using Loyalty.Domain;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Challenges;
using Loyalty.Grains.Programs;

namespace Loyalty.Grains.Members;

/// <summary>
/// Challenges: a completion recorded in this member's state is placed by the challenge grain, and the verdict
/// (position, winner) is stored here with the reward. Until then it stays unsettled and is retried.
/// </summary>
public sealed partial class MemberGrain
{
    private async Task SettleChallenges(ProgramRules rules)
    {
        var account = state.State;
        foreach (var (challengeId, completedAt) in account.UnsettledChallenges.ToList())
        {
            if (rules.Challenge(challengeId) is not { } challenge)
            {
                continue;
            }

            var placement = await GrainFactory.GetGrain<IChallengeGrain>(GrainKeys.Challenge(programId, challengeId))
                .Complete(memberId, completedAt, challenge.Definition.MaxWinners);
            if (account.SettleChallenge(challenge, placement.Position, placement.Winner, rules.Config, clock.GetUtcNow()))
            {
                await Persist();
                await PublishScores([.. PeriodKeys.For(completedAt, rules.Zone)], []);
            }
        }
    }
}

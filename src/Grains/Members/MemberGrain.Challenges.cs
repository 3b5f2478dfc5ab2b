using Loyalty.Domain;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Challenges;
using Loyalty.Grains.Programs;
using Loyalty.Client.Programs;

namespace Loyalty.Grains.Members;

/// <summary>
/// Challenges: a completion recorded in this member's state is placed by the challenge grain, and the verdict
/// (position, winner) is stored here with the reward. Until then it stays unsettled and is retried.
/// </summary>
public sealed partial class MemberGrain
{
    /// <summary>Places this member's completions with their challenges; true when a verdict changed the state.</summary>
    private async Task<bool> PlaceCompletedChallenges(ProgramRules rules, HashSet<string> periods)
    {
        var account = state.State;
        var settled = false;
        foreach (var (challengeId, completedAt) in account.Challenges.AwaitingPlacement.ToList())
        {
            if (rules.Challenge(challengeId) is not { } challenge)
            {
                continue;
            }

            // The challenge answers a member's completion the same every time, so placing before this member stores it is safe.
            var placement = await GrainFactory.GetGrain<IChallengeGrain>(GrainKeys.Challenge(programId, challengeId))
                .Complete(memberId, completedAt, challenge.Definition.MaxWinners);
            if (account.RecordChallengePlacement(challenge, placement.Position, placement.Winner, rules.Config, clock.GetUtcNow()))
            {
                settled = true;
                periods.UnionWith(PeriodKeys.For(completedAt, rules.Zone));
            }
        }

        return settled;
    }
}

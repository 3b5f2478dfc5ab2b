using Loyalty.Domain;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Challenges;

namespace Loyalty.Grains.Members;

/// <summary>
/// A completion recorded in the member's state is placed by the challenge grain, and the placement (position,
/// winner) is stored with the member together with the reward. Until then it awaits placement and is retried.
/// </summary>
internal sealed class ChallengePlacements(IGrainFactory grains, TimeProvider clock, string programId, string memberId)
{
    /// <summary>
    /// Has the challenges place this member's completions awaiting placement, adding the completion periods whose
    /// scores change to <paramref name="periods"/>; true when a placement changed the state.
    /// </summary>
    public async Task<bool> PlaceAwaiting(MemberAccount account, ProgramRules rules, HashSet<string> periods)
    {
        var placed = false;
        foreach (var (challengeId, completedAt) in account.Challenges.AwaitingPlacement.ToList())
        {
            if (rules.Challenge(challengeId) is not { } challenge)
            {
                continue;
            }

            // The challenge answers a member's completion the same every time, so placing before this member stores it is safe.
            var placement = await grains.GetGrain<IChallengeGrain>(GrainKeys.Challenge(programId, challengeId))
                .Complete(memberId, completedAt, challenge.Definition.MaxWinners);
            if (account.RecordChallengePlacement(challenge, placement.Position, placement.Winner, rules.Config, clock.GetUtcNow()))
            {
                placed = true;
                periods.UnionWith(PeriodKeys.For(completedAt, rules.Zone));
            }
        }

        return placed;
    }
}

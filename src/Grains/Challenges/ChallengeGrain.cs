using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Challenges;
using Loyalty.Client.Telemetry;

namespace Loyalty.Grains.Challenges;

/// <summary>
/// Places completions in the order members report them and decides winners: the first <c>maxWinners</c>. Each
/// placement is stored before it is answered, and repeating one answers the stored placement, so a member that
/// retries after a failure never wins twice or loses its place.
/// </summary>
public sealed class ChallengeGrain(
    [PersistentState("challenge", StorageNames.Loyalty)] IPersistentState<ChallengeState> state,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock)
    : Grain, IChallengeGrain
{
    private Dictionary<string, ChallengeCompletion>? byMember;

    public async Task<ChallengePlacement> Complete(string memberId, DateTimeOffset completedAt, int? maxWinners)
    {
        if (ByMember.TryGetValue(memberId, out var earlier))
        {
            return new ChallengePlacement(earlier.Position, earlier.Winner);
        }

        var winner = maxWinners is not { } limit || state.State.Winners < limit;
        var completion = new ChallengeCompletion(state.State.Completions.Count + 1, memberId, completedAt, clock.GetUtcNow(), winner);
        state.State.Completions.Add(completion);
        state.State.Winners += winner ? 1 : 0;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Not stored: forget it, so the retry is placed afresh.
            state.State.Completions.RemoveAt(state.State.Completions.Count - 1);
            state.State.Winners -= winner ? 1 : 0;
            throw;
        }

        ByMember[memberId] = completion;
        LoyaltyMetrics.ChallengeCompletions.Add(1,
            LoyaltyMetrics.ProgramTag(GrainKeys.SplitProgram(this.GetPrimaryKeyString()).ProgramId),
            new KeyValuePair<string, object?>("winner", winner ? "true" : "false"));
        return new ChallengePlacement(completion.Position, winner);
    }

    public Task<ChallengeCompletion?> CompletionOf(string memberId) => Task.FromResult(ByMember.GetValueOrDefault(memberId));

    public async Task ForgetMember(string memberId)
    {
        if (!ByMember.Remove(memberId, out var completion))
        {
            return;
        }

        var index = state.State.Completions.FindIndex(c => c.Position == completion.Position);
        state.State.Completions[index] = completion with { MemberId = "" };
        await state.WriteStateAsync();
    }

    // Erased members' completions keep their place without a name, and are not found by one.
    private Dictionary<string, ChallengeCompletion> ByMember => byMember ??= state.State.Completions
        .Where(c => c.MemberId.Length > 0).ToDictionary(c => c.MemberId, StringComparer.Ordinal);

    public Task<ChallengeCompletions> GetCompletions(int offset, int limit)
    {
        var completions = state.State.Completions;
        return Task.FromResult(new ChallengeCompletions(completions.Count, state.State.Winners, [.. completions.Skip(offset).Take(limit)]));
    }
}

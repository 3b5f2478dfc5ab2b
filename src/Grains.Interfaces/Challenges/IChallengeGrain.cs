using System.Collections.Immutable;

namespace Loyalty.Grains.Interfaces.Challenges;

/// <summary>
/// One challenge's completions, in the order they were recorded (key <c>{program}/{challenge}</c>). The first
/// <c>maxWinners</c> win; one activation places every completion, so the limit is never exceeded.
/// </summary>
public interface IChallengeGrain : IGrainWithStringKey
{
    /// <summary>Places a member's completion; repeating it answers the first placement.</summary>
    Task<ChallengePlacement> Complete(string memberId, DateTimeOffset completedAt, int? maxWinners);

    /// <summary>Completions in order, from <paramref name="offset"/>.</summary>
    Task<ChallengeCompletions> GetCompletions(int offset, int limit);

    /// <summary>The member's completion, or null.</summary>
    Task<ChallengeCompletion?> CompletionOf(string memberId);

    /// <summary>
    /// Takes the member's name off their completion (erasure): its place and whether it won stay, anonymous, so the
    /// positions of others and the number of winners do not move.
    /// </summary>
    Task ForgetMember(string memberId);
}

[GenerateSerializer, Immutable, Alias("loyalty.challenge-placement")]
public sealed record ChallengePlacement([property: Id(0)] int Position, [property: Id(1)] bool Winner);

[GenerateSerializer, Immutable, Alias("loyalty.challenge-completions")]
public sealed record ChallengeCompletions(
    [property: Id(0)] int Total,
    [property: Id(1)] int Winners,
    [property: Id(2)] ImmutableArray<ChallengeCompletion> Items);

[GenerateSerializer, Immutable, Alias("loyalty.challenge-completion")]
public sealed record ChallengeCompletion(
    [property: Id(0)] int Position,
    [property: Id(1)] string MemberId,
    [property: Id(2)] DateTimeOffset CompletedAt,
    [property: Id(3)] DateTimeOffset RecordedAt,
    [property: Id(4)] bool Winner);

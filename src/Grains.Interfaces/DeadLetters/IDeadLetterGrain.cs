using System.Collections.Immutable;

namespace Loyalty.Grains.Interfaces.DeadLetters;

/// <summary>
/// A program's dead letters (key: the program id): events a member refused or failed on, parked so that the member's
/// other events and its neighbours keep flowing. Nothing leaves but by an operator's replay or discard.
/// </summary>
[Alias("loyalty.IDeadLetterGrain")]
public interface IDeadLetterGrain : IGrainWithStringKey
{
    /// <summary>
    /// Completes once stored. An event parked again keeps its first time and counts the attempt. Fails, storing
    /// nothing, when the program's dead letters are full: the delivery is then retried, so nothing is dropped.
    /// </summary>
    Task Park(ImmutableArray<DeadLetter> letters);

    Task<DeadLetterPage> List(int limit, string? after);

    /// <summary>The dead letters of these event ids that are held; unknown ids are left out.</summary>
    Task<ImmutableArray<DeadLetter>> Get(ImmutableArray<string> eventIds);

    /// <summary>Forgets these event ids (replayed or discarded); answers how many were held.</summary>
    Task<int> Remove(ImmutableArray<string> eventIds);

    /// <summary>The member's dead letters, oldest first.</summary>
    Task<ImmutableArray<DeadLetter>> ForMember(string memberId);

    /// <summary>Forgets every dead letter of the member (erasure); answers how many were held.</summary>
    Task<int> ForgetMember(string memberId);
}

using System.Collections.Immutable;
using Loyalty.Grains.Interfaces.Events;

namespace Loyalty.Grains.Interfaces.DeadLetters;

/// <summary>An event its member could not apply: kept whole, with why, until an operator replays or discards it.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.dead-letter")]
public sealed record DeadLetter(
    [property: Id(0)] MemberEvent Event,
    [property: Id(1)] string Reason,
    [property: Id(2)] DateTimeOffset FirstParkedAt,
    [property: Id(3)] DateTimeOffset LastParkedAt,
    [property: Id(4)] int Attempts);

/// <summary>Dead letters oldest first; <see cref="Next"/> continues after the last one shown.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.dead-letter-page")]
public sealed record DeadLetterPage(
    [property: Id(0)] int Total,
    [property: Id(1)] ImmutableArray<DeadLetter> Items,
    [property: Id(2)] string? Next);

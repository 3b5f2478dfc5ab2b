using System.Collections.Immutable;

namespace Loyalty.Grains.Interfaces.Leaderboards;

[GenerateSerializer, Immutable, Alias("loyalty.ranked-score")]
public sealed record RankedScore(
    [property: Id(0)] int Rank,
    [property: Id(1)] string MemberId,
    [property: Id(2)] long Score);

[GenerateSerializer, Immutable, Alias("loyalty.member-standing")]
public sealed record MemberStanding(
    [property: Id(0)] int Rank,
    [property: Id(1)] long Score,
    [property: Id(2)] ImmutableArray<RankedScore> Around);

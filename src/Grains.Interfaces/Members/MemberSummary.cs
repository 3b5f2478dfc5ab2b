using System.Collections.Immutable;

namespace Loyalty.Grains.Interfaces.Members;

/// <summary>What the member listing shows of one member.</summary>
/// <param name="LastEventAt">When the newest event the member applied occurred, to the millisecond; null before any.</param>
/// <param name="Version">The member's version when it was listed: a directory keeps the newest.</param>
[GenerateSerializer, Immutable, Alias("loyalty.member-summary")]
public sealed record MemberSummary(
    [property: Id(0)] string MemberId,
    [property: Id(1)] string Tier,
    [property: Id(2)] long Available,
    [property: Id(3)] DateTimeOffset? LastEventAt,
    [property: Id(4)] long Version)
{
    /// <summary>
    /// What a directory keeps when it holds this summary and is given <paramref name="incoming"/>: the newer version's
    /// fields (an equal one replaces), with the later of the two last-event times.
    /// </summary>
    public MemberSummary Merge(MemberSummary incoming)
    {
        var newer = incoming.Version >= Version ? incoming : this;
        var later = LastEventAt is null ? incoming.LastEventAt
            : incoming.LastEventAt is null ? LastEventAt
            : LastEventAt > incoming.LastEventAt ? LastEventAt : incoming.LastEventAt;
        return newer with { LastEventAt = later };
    }
}

/// <summary>Which members a listing page asks for.</summary>
/// <param name="After">The page starts after this member id; null: at the first.</param>
/// <param name="Tier">Only members holding this tier; null: every tier.</param>
/// <param name="Prefix">Only member ids starting with this; null: every id.</param>
[GenerateSerializer, Immutable, Alias("loyalty.member-list-query")]
public sealed record MemberListQuery(
    [property: Id(0)] string? After,
    [property: Id(1)] int Limit,
    [property: Id(2)] string? Tier,
    [property: Id(3)] string? Prefix);

/// <summary>Members in order of their ids.</summary>
/// <param name="Last">The last member id of the page when more may follow (the next page starts after it); null on the last page.</param>
[GenerateSerializer, Immutable, Alias("loyalty.member-summary-page")]
public sealed record MemberSummaryPage(
    [property: Id(0)] ImmutableArray<MemberSummary> Items,
    [property: Id(1)] string? Last);

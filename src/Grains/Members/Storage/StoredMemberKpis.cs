using Loyalty.Domain;

namespace Loyalty.Grains.Members.Storage;

/// <summary>A member's KPI part as stored; absent for members stored before KPIs, who join them with their next change.</summary>
public sealed record StoredMemberKpis
{
    public string? Key { get; init; }

    public long Sequence { get; init; }

    public StoredKpiContribution? Handed { get; init; }

    public long LedgerCounted { get; init; }

    public long Returns { get; init; }

    /// <summary>What the member's returns gave back, in minor units.</summary>
    public long ReturnedMinor { get; init; }

    public DateOnly? LastEventDay { get; init; }

    public List<StoredKpiChange> Outbox { get; init; } = [];
}

public sealed record StoredKpiContribution(string Tier, string Segment, DateOnly? LastEventDay, List<long> Counts);

public sealed record StoredKpiChange(string Id, DateTimeOffset CreatedAt, StoredKpiContribution? From, StoredKpiContribution To, List<StoredKpiDay> Days);

public sealed record StoredKpiDay(DateOnly Day, List<long> Counts);

/// <summary>Maps a member's KPI part to and from its stored form.</summary>
public static class StoredMemberKpisMapping
{
    public static StoredMemberKpis? ToStored(this MemberKpis kpis) => kpis.Key is null && kpis.LastEventDay is null && kpis.Returns == 0
        ? null
        : new StoredMemberKpis
        {
            Key = kpis.Key,
            Sequence = kpis.Sequence,
            Handed = ToStored(kpis.Handed),
            LedgerCounted = kpis.LedgerCounted,
            Returns = kpis.Returns,
            ReturnedMinor = kpis.RefundedMinor,
            LastEventDay = kpis.LastEventDay,
            Outbox = [.. kpis.Outbox.Select(c => new StoredKpiChange(
                c.Id, c.CreatedAt, ToStored(c.From), ToStored(c.To)!, [.. c.Days.Select(d => new StoredKpiDay(d.Key, [.. d.Value.Values]))]))],
        };

    public static MemberKpis FromStored(this StoredMemberKpis? stored) => stored is null
        ? new MemberKpis()
        : MemberKpis.Restore(
            stored.Key, stored.Sequence, FromStored(stored.Handed), stored.LedgerCounted, stored.Returns, stored.ReturnedMinor, stored.LastEventDay,
            stored.Outbox.Select(c => new KpiChange(
                c.Id, c.CreatedAt, FromStored(c.From), FromStored(c.To)!, c.Days.ToDictionary(d => d.Day, d => KpiCounts<KpiDailyCount>.From(d.Counts)))));

    private static StoredKpiContribution? ToStored(KpiContribution? contribution) => contribution is null
        ? null
        : new(contribution.Tier, contribution.Segment, contribution.LastEventDay, [.. contribution.Counts.Values]);

    private static KpiContribution? FromStored(StoredKpiContribution? stored) => stored is null
        ? null
        : new(stored.Tier, stored.Segment, stored.LastEventDay, KpiCounts<KpiCount>.From(stored.Counts));
}

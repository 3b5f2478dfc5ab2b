namespace Loyalty.Domain;

/// <summary>
/// One step of a member's contribution, from what the totals hold for it (<see cref="From"/>, null for a member
/// never counted) to what they must hold (<see cref="To"/>), with what happened on each local day. Its id is unique
/// for the member and never names it, so totals that applied it once can drop a repeat.
/// </summary>
public sealed record KpiChange(
    string Id, DateTimeOffset CreatedAt, KpiContribution? From, KpiContribution To, IReadOnlyDictionary<DateOnly, KpiCounts<KpiDailyCount>> Days);

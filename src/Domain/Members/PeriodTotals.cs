namespace Loyalty.Domain;

/// <summary>
/// A member's totals in one leaderboard period. ReachedAt is the latest event time applied into the period: it does
/// not depend on arrival order, so every replay ranks ties the same way.
/// </summary>
public sealed record PeriodTotals(long NetPoints, long NetSpendMinor, int Purchases, DateTimeOffset ReachedAt)
{
    public PeriodTotals Add(long points, long spendMinor, int purchases, DateTimeOffset at) =>
        new(checked(NetPoints + points), checked(NetSpendMinor + spendMinor), checked(Purchases + purchases), at > ReachedAt ? at : ReachedAt);
}

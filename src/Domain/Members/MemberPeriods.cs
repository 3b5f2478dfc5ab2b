namespace Loyalty.Domain;

/// <summary>A member's leaderboard totals per period key ("all", "yyyy-MM", ...), kept while the period is retained.</summary>
public sealed class MemberPeriods
{
    private readonly Dictionary<string, PeriodTotals> totals;
    private DateTimeOffset nextCheck = DateTimeOffset.MinValue;

    public MemberPeriods()
        : this([])
    {
    }

    private MemberPeriods(IEnumerable<KeyValuePair<string, PeriodTotals>> totals) =>
        this.totals = new Dictionary<string, PeriodTotals>(totals, StringComparer.Ordinal);

    public static MemberPeriods Restore(IEnumerable<KeyValuePair<string, PeriodTotals>> totals) => new(totals);

    public IReadOnlyDictionary<string, PeriodTotals> Totals => totals;

    /// <summary>Adds to every period the event falls in that is still kept; a late event for a closed period counts for the rest.</summary>
    public void Add(DateTimeOffset at, TimeZoneInfo zone, BoardRetention retention, DateTimeOffset now, long points, long spendMinor, int purchases)
    {
        foreach (var key in PeriodKeys.For(at, zone))
        {
            if (!PeriodKeys.IsKept(key, zone, retention, now))
            {
                continue;
            }

            var current = totals.GetValueOrDefault(key) ?? new PeriodTotals(0, 0, 0, at);
            totals[key] = current.Add(points, spendMinor, purchases, at);
        }
    }

    /// <summary>Drops totals of periods past their retention, so a member's state does not grow with every day.</summary>
    public bool ForgetClosed(TimeZoneInfo zone, BoardRetention retention, DateTimeOffset now)
    {
        // Periods close at local midnights: one look a day is enough.
        if (now < nextCheck)
        {
            return false;
        }

        nextCheck = ProgramCalendar.StartOfDay(ProgramCalendar.LocalDate(now, zone).AddDays(1), zone);
        var closed = totals.Keys.Where(key => !PeriodKeys.IsKept(key, zone, retention, now)).ToList();
        foreach (var key in closed)
        {
            totals.Remove(key);
        }

        return closed.Count > 0;
    }
}

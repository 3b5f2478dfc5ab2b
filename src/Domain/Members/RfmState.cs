namespace Loyalty.Domain;

/// <summary>
/// What recency and frequency scores need: the newest purchase time and purchases per local month. Monetary
/// scores read the tier's monthly spend buckets, which already net out returns.
/// </summary>
public sealed class RfmState
{
    private const int WindowMonths = 12;
    private const int KeptMonths = 13;

    private readonly SortedDictionary<string, int> monthlyPurchases;

    public RfmState()
        : this(null, [])
    {
    }

    private RfmState(DateTimeOffset? lastPurchaseAt, IEnumerable<KeyValuePair<string, int>> monthlyPurchases)
    {
        LastPurchaseAt = lastPurchaseAt;
        this.monthlyPurchases = new SortedDictionary<string, int>(monthlyPurchases.ToDictionary(), StringComparer.Ordinal);
    }

    public static RfmState Restore(DateTimeOffset? lastPurchaseAt, IEnumerable<KeyValuePair<string, int>> monthlyPurchases) =>
        new(lastPurchaseAt, monthlyPurchases);

    public DateTimeOffset? LastPurchaseAt { get; private set; }

    /// <summary>Purchases per local month, "yyyy-MM".</summary>
    public IReadOnlyDictionary<string, int> MonthlyPurchases => monthlyPurchases;

    public void AddPurchase(DateOnly localDate, DateTimeOffset at)
    {
        if (LastPurchaseAt is null || at > LastPurchaseAt)
        {
            LastPurchaseAt = at;
        }

        var key = ProgramCalendar.MonthKey(localDate);
        monthlyPurchases[key] = monthlyPurchases.GetValueOrDefault(key) + 1;
        while (monthlyPurchases.Count > KeptMonths)
        {
            monthlyPurchases.Remove(monthlyPurchases.Keys.First());
        }
    }

    /// <summary>Purchases in the 12 months ending with <paramref name="month"/>.</summary>
    public long PurchasesInWindow(DateOnly month)
    {
        var last = ProgramCalendar.MonthKey(month);
        var first = ProgramCalendar.MonthKey(month.AddMonths(-(WindowMonths - 1)));
        return monthlyPurchases.Where(m => string.CompareOrdinal(m.Key, first) >= 0 && string.CompareOrdinal(m.Key, last) <= 0).Sum(m => (long)m.Value);
    }

    /// <summary>The member's scores as of <paramref name="at"/>; null before the first purchase.</summary>
    public RfmScores? Scores(ProgramConfig config, TierState tier, DateTimeOffset at)
    {
        if (LastPurchaseAt is not { } last)
        {
            return null;
        }

        var zone = ProgramCalendar.Zone(config);
        var today = ProgramCalendar.LocalDate(at, zone);
        var days = Math.Max(0, today.DayNumber - ProgramCalendar.LocalDate(last, zone).DayNumber);
        return RfmScores.From(days, PurchasesInWindow(today), tier.WindowSpend(today), config.Rfm);
    }
}

namespace Loyalty.Domain;

/// <summary>
/// What recency and frequency scores need: the newest purchase time and purchases per local month. Monetary
/// scores read the tier's monthly spend buckets, which already net out returns.
/// </summary>
public sealed class RfmState
{
    private const int WindowMonths = 12;
    private const int KeptMonths = 13;

    private SortedDictionary<string, int> monthlyPurchases = new(StringComparer.Ordinal);

    public DateTimeOffset? LastPurchaseAt { get; set; }

    /// <summary>Purchases per local month, "yyyy-MM".</summary>
    public SortedDictionary<string, int> MonthlyPurchases
    {
        get => monthlyPurchases;

        // Stored state comes back with the default (culture) comparer; month keys must sort ordinally.
        set => monthlyPurchases = new SortedDictionary<string, int>(value, StringComparer.Ordinal);
    }

    public void AddPurchase(DateOnly localDate, DateTimeOffset at)
    {
        if (LastPurchaseAt is null || at > LastPurchaseAt)
        {
            LastPurchaseAt = at;
        }

        var key = ProgramCalendar.MonthKey(localDate);
        MonthlyPurchases[key] = MonthlyPurchases.GetValueOrDefault(key) + 1;
        while (MonthlyPurchases.Count > KeptMonths)
        {
            MonthlyPurchases.Remove(MonthlyPurchases.Keys.First());
        }
    }

    /// <summary>Purchases in the 12 months ending with <paramref name="month"/>.</summary>
    public long PurchasesInWindow(DateOnly month)
    {
        var last = ProgramCalendar.MonthKey(month);
        var first = ProgramCalendar.MonthKey(month.AddMonths(-(WindowMonths - 1)));
        return MonthlyPurchases.Where(m => string.CompareOrdinal(m.Key, first) >= 0 && string.CompareOrdinal(m.Key, last) <= 0).Sum(m => (long)m.Value);
    }
}

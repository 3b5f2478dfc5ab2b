namespace Loyalty.Domain;

/// <summary>
/// Tier qualification on a rolling 12-month window of monthly spend buckets (program time zone, event time).
/// Upgrades happen at once; downgrades only at an anniversary of the last tier change, one step at a time.
/// </summary>
public sealed class TierState
{
    private const int WindowMonths = 12;
    private const int KeptMonths = 36;

    /// <summary>Name of the current tier; empty until the first evaluation, which means the lowest tier.</summary>
    public string Current { get; set; } = "";

    /// <summary>When the current tier above the lowest was reached or last kept; downgrades are judged a year later.</summary>
    public DateTimeOffset? AnniversaryBase { get; set; }

    /// <summary>Qualifying spend per local month, "yyyy-MM" → minor units (returns make a bucket smaller, even negative).</summary>
    public SortedDictionary<string, long> MonthlySpend { get; set; } = new(StringComparer.Ordinal);

    public void AddSpend(DateOnly localDate, long amountMinor)
    {
        var key = ProgramCalendar.MonthKey(localDate);
        MonthlySpend[key] = MonthlySpend.GetValueOrDefault(key) + amountMinor;
        while (MonthlySpend.Count > KeptMonths)
        {
            MonthlySpend.Remove(MonthlySpend.Keys.First());
        }
    }

    /// <summary>Spend over the 12 months that end with <paramref name="month"/>; never below zero.</summary>
    public long WindowSpend(DateOnly month)
    {
        // Keys are "yyyy-MM", so ordinal order is calendar order.
        var last = ProgramCalendar.MonthKey(month);
        var first = ProgramCalendar.MonthKey(month.AddMonths(-(WindowMonths - 1)));
        long sum = 0;
        foreach (var (key, amount) in MonthlySpend)
        {
            if (string.CompareOrdinal(key, first) >= 0 && string.CompareOrdinal(key, last) <= 0)
            {
                sum += amount;
            }
        }

        return Math.Max(0, sum);
    }

    /// <summary>Raises the tier if the window ending at the purchase's month crosses a higher threshold. True if it did.</summary>
    public bool TryUpgrade(IReadOnlyList<TierDefinition> tiers, DateOnly purchaseDate, DateTimeOffset at)
    {
        var spend = WindowSpend(purchaseDate);
        var target = HighestQualifying(tiers, spend);
        if (target <= IndexOf(tiers))
        {
            return false;
        }

        Current = tiers[target].Name;
        AnniversaryBase = at;
        return true;
    }

    /// <summary>
    /// Judges every anniversary (plus grace) that has passed by <paramref name="now"/>: below the current threshold over
    /// the 12 months ending at the anniversary, the member drops one tier. True if anything changed.
    /// </summary>
    public bool ApplyAnniversaries(IReadOnlyList<TierDefinition> tiers, int graceDays, TimeZoneInfo zone, DateTimeOffset now)
    {
        var changed = false;
        while (AnniversaryBase is { } anniversaryBase && IndexOf(tiers) > 0)
        {
            var anniversary = anniversaryBase.AddYears(1);
            if (anniversary.AddDays(graceDays) > now)
            {
                break;
            }

            var index = IndexOf(tiers);
            if (WindowSpend(ProgramCalendar.LocalDate(anniversary, zone)) < tiers[index].QualifyingSpendMinor)
            {
                Current = tiers[index - 1].Name;
            }

            AnniversaryBase = anniversary;
            changed = true;
        }

        if (IndexOf(tiers) == 0 && AnniversaryBase is not null)
        {
            AnniversaryBase = null;
            changed = true;
        }

        return changed;
    }

    public TierView View(IReadOnlyList<TierDefinition> tiers, DateOnly today)
    {
        var index = IndexOf(tiers);
        var next = index + 1 < tiers.Count ? tiers[index + 1] : null;
        return new TierView(tiers[index].Name, next?.Name, WindowSpend(today), next?.QualifyingSpendMinor);
    }

    /// <summary>The current tier's position; a tier no longer configured counts as the lowest.</summary>
    public int IndexOf(IReadOnlyList<TierDefinition> tiers)
    {
        for (var i = 0; i < tiers.Count; i++)
        {
            if (tiers[i].Name == Current)
            {
                return i;
            }
        }

        return 0;
    }

    private static int HighestQualifying(IReadOnlyList<TierDefinition> tiers, long spend)
    {
        var best = 0;
        for (var i = 0; i < tiers.Count; i++)
        {
            if (spend >= tiers[i].QualifyingSpendMinor)
            {
                best = i;
            }
        }

        return best;
    }
}

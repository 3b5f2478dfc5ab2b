namespace Loyalty.Domain;

/// <summary>
/// Tier qualification on a rolling 12-month window of monthly spend buckets (program time zone, event time).
/// Upgrades happen at once; downgrades only at an anniversary of the upgrade (after a grace), one step at a time.
/// </summary>
public sealed class TierState
{
    private const int WindowMonths = 12;
    private const int KeptMonths = 36;

    private readonly SortedDictionary<string, long> monthlySpend;

    public TierState()
        : this("", null, 0, [])
    {
    }

    private TierState(string current, DateTimeOffset? anniversaryBase, int anniversariesJudged, IEnumerable<KeyValuePair<string, long>> monthlySpend)
    {
        Current = current;
        AnniversaryBase = anniversaryBase;
        AnniversariesJudged = anniversariesJudged;
        this.monthlySpend = new SortedDictionary<string, long>(monthlySpend.ToDictionary(), StringComparer.Ordinal);
    }

    public static TierState Restore(string current, DateTimeOffset? anniversaryBase, int anniversariesJudged, IEnumerable<KeyValuePair<string, long>> monthlySpend) =>
        new(current, anniversaryBase, anniversariesJudged, monthlySpend);

    /// <summary>Name of the current tier; empty until the first evaluation, which means the lowest tier.</summary>
    public string Current { get; private set; }

    /// <summary>When the current tier above the lowest was reached; its anniversaries are when downgrades are judged.</summary>
    public DateTimeOffset? AnniversaryBase { get; private set; }

    /// <summary>
    /// Anniversaries of <see cref="AnniversaryBase"/> already judged. Counting them (rather than moving the base on)
    /// keeps a tier reached on 29 February judged on 28 February or 29 February, never drifting a day each year.
    /// </summary>
    public int AnniversariesJudged { get; private set; }

    /// <summary>Qualifying spend per local month, "yyyy-MM" → minor units (returns make a bucket smaller, even negative).</summary>
    public IReadOnlyDictionary<string, long> MonthlySpend => monthlySpend;

    public void AddSpend(DateOnly localDate, long amountMinor)
    {
        var key = ProgramCalendar.MonthKey(localDate);
        monthlySpend[key] = checked(monthlySpend.GetValueOrDefault(key) + amountMinor);

        // Three years of buckets: every window still to be judged ends within them.
        while (monthlySpend.Count > KeptMonths)
        {
            monthlySpend.Remove(monthlySpend.Keys.First());
        }
    }

    /// <summary>Spend over the 12 months that end with <paramref name="month"/>; never below zero.</summary>
    public long WindowSpend(DateOnly month)
    {
        // Keys are "yyyy-MM", so ordinal order is calendar order.
        var last = ProgramCalendar.MonthKey(month);
        var first = ProgramCalendar.MonthKey(month.AddMonths(-(WindowMonths - 1)));
        long sum = 0;
        foreach (var (key, amount) in monthlySpend)
        {
            if (string.CompareOrdinal(key, first) >= 0 && string.CompareOrdinal(key, last) <= 0)
            {
                sum = checked(sum + amount);
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
        AnniversariesJudged = 0;
        return true;
    }

    /// <summary>
    /// Judges every anniversary that has passed, grace included, by <paramref name="now"/>, oldest first: if the
    /// qualifying spend of the 12 months ending with the month the grace ends in is below the current tier's threshold,
    /// the member drops one tier. Judging at the end of the grace lets purchases made during the grace count.
    /// The next anniversary is a year later either way. True if anything changed.
    /// </summary>
    public bool ApplyAnniversaries(IReadOnlyList<TierDefinition> tiers, int graceDays, TimeZoneInfo zone, DateTimeOffset now)
    {
        var changed = false;
        while (AnniversaryBase is { } anniversaryBase && IndexOf(tiers) > 0)
        {
            var due = anniversaryBase.AddYears(AnniversariesJudged + 1).AddDays(graceDays);
            if (due > now)
            {
                break;
            }

            var index = IndexOf(tiers);
            if (WindowSpend(ProgramCalendar.LocalDate(due, zone)) < tiers[index].QualifyingSpendMinor)
            {
                Current = tiers[index - 1].Name;
            }

            AnniversariesJudged++;
            changed = true;
        }

        // At the lowest tier there is nothing to lose, so no anniversary to keep.
        if (IndexOf(tiers) == 0 && AnniversaryBase is not null)
        {
            AnniversaryBase = null;
            AnniversariesJudged = 0;
            changed = true;
        }

        return changed;
    }

    /// <summary>Raises the member to <paramref name="tier"/> as a gift, if it is above the current one. True if it was.</summary>
    public bool Grant(IReadOnlyList<TierDefinition> tiers, string tier, DateTimeOffset at)
    {
        var target = tiers.ToList().FindIndex(t => t.Name == tier);
        if (target <= IndexOf(tiers))
        {
            return false;
        }

        Current = tier;
        AnniversaryBase = at;
        AnniversariesJudged = 0;
        return true;
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

namespace Loyalty.Domain;

/// <summary>
/// What a member bought: net lifetime spend, the number of purchases, and the purchases a return may still name, by
/// event id. Those are kept for the return window and a month's grace for late refunds; beyond that a return is
/// reversed at the base rate. The newest few are kept whatever their age, and never more than the cap.
/// </summary>
public sealed class MemberPurchases
{
    private const int KeptBeyondReturnWindowDays = 30;
    private const int KeptWithoutTrimming = 64;
    private const int MaxKept = 1_000;

    // Trimming sorts what is held, so it waits for this many more first: a replayed history, each purchase older than
    // the newest, would otherwise sort on every purchase.
    private const int TrimmingSlack = 32;

    private readonly Dictionary<string, PurchaseRecord> held;
    private int heldAfterTrimming;

    public MemberPurchases()
        : this(0, 0, [])
    {
    }

    private MemberPurchases(long lifetimeSpendMinor, int count, IEnumerable<KeyValuePair<string, PurchaseRecord>> held)
    {
        (LifetimeSpendMinor, Count) = (lifetimeSpendMinor, count);
        this.held = new Dictionary<string, PurchaseRecord>(held, StringComparer.Ordinal);
    }

    public static MemberPurchases Restore(long lifetimeSpendMinor, int count, IEnumerable<KeyValuePair<string, PurchaseRecord>> held) =>
        new(lifetimeSpendMinor, count, held);

    /// <summary>Purchases minus returns, in minor units.</summary>
    public long LifetimeSpendMinor { get; private set; }

    public int Count { get; private set; }

    /// <summary>Purchases that a return may still name, by event id.</summary>
    public IReadOnlyDictionary<string, PurchaseRecord> Held => held;

    /// <summary>Holds the purchase; answers the ids of purchases it let go, which a return can no longer name.</summary>
    public IReadOnlyList<string> Add(Purchase purchase, long pointsEarned, ProgramConfig config)
    {
        held[purchase.EventId] = new PurchaseRecord(purchase.AmountMinor, pointsEarned, purchase.OccurredAt);
        var forgotten = Trim(purchase.OccurredAt, config);
        LifetimeSpendMinor = checked(LifetimeSpendMinor + purchase.AmountMinor);
        Count++;
        return forgotten;
    }

    public void Refunded(long refundMinor) => LifetimeSpendMinor = checked(LifetimeSpendMinor - refundMinor);

    public bool AtLimit() => LifetimeSpendMinor is > EventLimits.MaxMemberTotal or < -EventLimits.MaxMemberTotal;

    /// <summary>
    /// Forgets purchases too old for a return to name them: dated more than the return window and its grace before the
    /// newest purchase, beyond the newest <see cref="KeptWithoutTrimming"/>, and the oldest beyond <see cref="MaxKept"/>.
    /// </summary>
    private IReadOnlyList<string> Trim(DateTimeOffset newest, ProgramConfig config)
    {
        if (held.Count <= Math.Max(KeptWithoutTrimming, heldAfterTrimming) + TrimmingSlack)
        {
            return []; // the usual case, on every purchase: nothing to sort, nothing to allocate
        }

        var forgotten = new List<string>();

        var cutoff = newest.AddDays(-(config.ReturnWindowDays + KeptBeyondReturnWindowDays));
        var byAge = held.OrderBy(p => p.Value.OccurredAt).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value.OccurredAt)).ToList();
        var removable = byAge.Count - KeptWithoutTrimming;
        var excess = byAge.Count - MaxKept;
        for (var i = 0; i < removable && (i < excess || byAge[i].OccurredAt < cutoff); i++)
        {
            held.Remove(byAge[i].Key);
            forgotten.Add(byAge[i].Key);
        }

        heldAfterTrimming = held.Count;
        return forgotten;
    }
}

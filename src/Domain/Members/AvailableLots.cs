namespace Loyalty.Domain;

/// <summary>
/// Available points as lots, spent and expired oldest first. The lots hold exactly the positive part of the
/// available balance: while the balance is below zero there are none, and points that come in repay the debt
/// before they form a lot.
/// </summary>
public sealed class AvailableLots
{
    /// <summary>What a lot made of points from several sources is called in the ledger when it expires.</summary>
    public const string MergedSource = "several purchases and bonuses";

    private readonly List<AvailableLot> lots;

    public AvailableLots()
        : this([])
    {
    }

    private AvailableLots(List<AvailableLot> lots) => this.lots = lots;

    /// <summary>Ordered by expiry (lots that never expire last), then by when they became available.</summary>
    public IReadOnlyList<AvailableLot> Lots => lots;

    /// <summary>Lots as stored, already in their order.</summary>
    public static AvailableLots Restore(IEnumerable<AvailableLot> lots) => new([.. lots]);

    public long Total => lots.Sum(lot => lot.Points);

    /// <summary>Adds what is left of <paramref name="points"/> after repaying <paramref name="debt"/>.</summary>
    public void Add(long points, long debt, string source, DateTimeOffset availableAt, DateTimeOffset? expiresAt)
    {
        var kept = points - Math.Min(points, Math.Max(0, debt));
        if (kept <= 0)
        {
            return;
        }

        // Lots that expire together are one lot: a member's lots are bounded by distinct expiry days, not by purchases.
        if (lots.Find(other => other.ExpiresAt == expiresAt) is { } together)
        {
            together.Merge(kept, source, availableAt);
            return;
        }

        var lot = new AvailableLot(source, kept, availableAt, expiresAt);
        var index = lots.FindIndex(other => Order(lot, other) < 0);
        lots.Insert(index < 0 ? lots.Count : index, lot);
    }

    /// <summary>Takes up to <paramref name="points"/> from the lots that expire first; answers how many it found.</summary>
    public long Take(long points)
    {
        var taken = 0L;
        while (taken < points && lots.Count > 0)
        {
            var lot = lots[0];
            taken += lot.Take(points - taken);
            if (lot.Points == 0)
            {
                lots.RemoveAt(0);
            }
        }

        return taken;
    }

    /// <summary>Removes and answers the lots whose expiry has come, oldest first.</summary>
    public IReadOnlyList<AvailableLot> Expire(DateTimeOffset now)
    {
        var count = DueCount(now);
        if (count == 0)
        {
            return [];
        }

        var due = lots.GetRange(0, count);
        lots.RemoveRange(0, count);
        return due;
    }

    /// <summary>Points that expire by <paramref name="until"/>, and the first moment any of them does.</summary>
    public (long Points, DateTimeOffset? First) ExpiringBy(DateTimeOffset until)
    {
        var count = DueCount(until);
        var points = 0L;
        for (var i = 0; i < count; i++)
        {
            points += lots[i].Points;
        }

        return (points, count > 0 ? lots[0].ExpiresAt : null);
    }

    /// <summary>
    /// How many of the first lots expire by <paramref name="until"/>. Asked on every touch of a member, so it
    /// allocates nothing.
    /// </summary>
    private int DueCount(DateTimeOffset until)
    {
        var count = 0;
        while (count < lots.Count && lots[count].ExpiresAt <= until)
        {
            count++;
        }

        return count;
    }

    public DateTimeOffset? NextExpiry => lots.FirstOrDefault()?.ExpiresAt;

    private static int Order(AvailableLot a, AvailableLot b)
    {
        var order = (a.ExpiresAt ?? DateTimeOffset.MaxValue).CompareTo(b.ExpiresAt ?? DateTimeOffset.MaxValue);
        return order != 0 ? order : a.AvailableAt.CompareTo(b.AvailableAt);
    }
}

/// <summary>Points that became available together (a matured purchase, a refund of a redemption) and expire together.</summary>
public sealed class AvailableLot(string source, long points, DateTimeOffset availableAt, DateTimeOffset? expiresAt)
{
    public string Source { get; private set; } = source;

    public long Points { get; private set; } = points;

    public DateTimeOffset AvailableAt { get; private set; } = availableAt;

    public DateTimeOffset? ExpiresAt { get; } = expiresAt;

    internal void Merge(long points, string source, DateTimeOffset availableAt)
    {
        Points += points;
        Source = Source == source ? source : AvailableLots.MergedSource;
        AvailableAt = availableAt < AvailableAt ? availableAt : AvailableAt;
    }

    internal long Take(long points)
    {
        var take = Math.Min(Points, points);
        Points -= take;
        return take;
    }
}

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

    /// <summary>Ordered by expiry (lots that never expire last), then by when they became available.</summary>
    public List<AvailableLot> Lots { get; set; } = [];

    public long Total => Lots.Sum(lot => lot.Points);

    /// <summary>Adds what is left of <paramref name="points"/> after repaying <paramref name="debt"/>.</summary>
    public void Add(long points, long debt, string source, DateTimeOffset availableAt, DateTimeOffset? expiresAt)
    {
        var kept = points - Math.Min(points, Math.Max(0, debt));
        if (kept <= 0)
        {
            return;
        }

        // Lots that expire together are one lot: a member's lots are bounded by distinct expiry days, not by purchases.
        if (Lots.Find(other => other.ExpiresAt == expiresAt) is { } together)
        {
            together.Points += kept;
            together.Source = together.Source == source ? source : MergedSource;
            together.AvailableAt = availableAt < together.AvailableAt ? availableAt : together.AvailableAt;
            return;
        }

        var lot = new AvailableLot { Source = source, Points = kept, AvailableAt = availableAt, ExpiresAt = expiresAt };
        var index = Lots.FindIndex(other => Order(lot, other) < 0);
        Lots.Insert(index < 0 ? Lots.Count : index, lot);
    }

    /// <summary>Takes up to <paramref name="points"/> from the lots that expire first; answers how many it found.</summary>
    public long Take(long points)
    {
        var taken = 0L;
        while (taken < points && Lots.Count > 0)
        {
            var lot = Lots[0];
            var take = Math.Min(lot.Points, points - taken);
            lot.Points -= take;
            taken += take;
            if (lot.Points == 0)
            {
                Lots.RemoveAt(0);
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

        var due = Lots.GetRange(0, count);
        Lots.RemoveRange(0, count);
        return due;
    }

    /// <summary>Points that expire by <paramref name="until"/>, and the first moment any of them does.</summary>
    public (long Points, DateTimeOffset? First) ExpiringBy(DateTimeOffset until)
    {
        var count = DueCount(until);
        var points = 0L;
        for (var i = 0; i < count; i++)
        {
            points += Lots[i].Points;
        }

        return (points, count > 0 ? Lots[0].ExpiresAt : null);
    }

    /// <summary>
    /// How many of the first lots expire by <paramref name="until"/>. Asked on every touch of a member, so it
    /// allocates nothing.
    /// </summary>
    private int DueCount(DateTimeOffset until)
    {
        var count = 0;
        while (count < Lots.Count && Lots[count].ExpiresAt <= until)
        {
            count++;
        }

        return count;
    }

    public DateTimeOffset? NextExpiry => Lots.FirstOrDefault()?.ExpiresAt;

    private static int Order(AvailableLot a, AvailableLot b)
    {
        var order = (a.ExpiresAt ?? DateTimeOffset.MaxValue).CompareTo(b.ExpiresAt ?? DateTimeOffset.MaxValue);
        return order != 0 ? order : a.AvailableAt.CompareTo(b.AvailableAt);
    }
}

/// <summary>Points that became available together (a matured purchase, a refund of a redemption) and expire together.</summary>
public sealed class AvailableLot
{
    public string Source { get; set; } = "";

    public long Points { get; set; }

    public DateTimeOffset AvailableAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }
}

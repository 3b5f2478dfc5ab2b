namespace Loyalty.Domain;

/// <summary>
/// One reward's stock and who holds it. A redemption first reserves one unit here (stock, per-member limit and
/// validity are checked at that moment), then completes once the member's points are debited, or is released, which
/// gives the unit back. Everything is keyed by redemption id, so every step can be repeated safely.
/// </summary>
public sealed class RewardStock
{
    public RewardDefinition Definition { get; set; } = new();

    /// <summary>Grows with every change of the definition.</summary>
    public int Version { get; set; }

    /// <summary>Redemptions holding a unit (reserved or completed), by redemption id.</summary>
    public Dictionary<string, RewardHold> Holds { get; set; } = new(StringComparer.Ordinal);

    public int Remaining => Math.Max(0, Definition.Stock - Holds.Count);

    public int HeldBy(string memberId) => PerMember.GetValueOrDefault(memberId);

    // Units held per member, derived from the holds (not stored), so a limit check is O(1).
    private Dictionary<string, int> PerMember => perMember ??= Holds.Values
        .GroupBy(h => h.MemberId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private Dictionary<string, int>? perMember;

    /// <param name="affordablePoints">What the member can spend now: a member who cannot pay never holds a unit, so
    /// stock is never kept from members who can while a payment that must fail is tried.</param>
    public ReserveResult Reserve(string redemptionId, string memberId, long affordablePoints, DateTimeOffset now)
    {
        if (Holds.TryGetValue(redemptionId, out var held))
        {
            return held.MemberId == memberId
                ? new ReserveResult(ReserveStatus.Reserved, held.CostPoints)
                : new ReserveResult(ReserveStatus.RedemptionIdTaken, 0);
        }

        if (Definition.ValidFrom > now || Definition.ValidTo <= now)
        {
            return new ReserveResult(ReserveStatus.NotValidNow, 0);
        }

        if (Remaining == 0)
        {
            return new ReserveResult(ReserveStatus.OutOfStock, 0);
        }

        if (affordablePoints < Definition.CostPoints)
        {
            return new ReserveResult(ReserveStatus.InsufficientPoints, Definition.CostPoints);
        }

        if (Definition.PerMemberLimit is { } limit && HeldBy(memberId) >= limit)
        {
            return new ReserveResult(ReserveStatus.LimitReached, 0);
        }

        Holds[redemptionId] = new RewardHold(memberId, Definition.CostPoints, now, Completed: false);
        PerMember[memberId] = HeldBy(memberId) + 1;
        return new ReserveResult(ReserveStatus.Reserved, Definition.CostPoints);
    }

    /// <summary>The member paid: the unit is theirs. False when the hold is gone (released meanwhile).</summary>
    public bool Complete(string redemptionId)
    {
        if (!Holds.TryGetValue(redemptionId, out var held))
        {
            return false;
        }

        Holds[redemptionId] = held with { Completed = true };
        return true;
    }

    /// <summary>Gives the unit back (payment refused, or the redemption cancelled). True when a unit came back.</summary>
    public bool Release(string redemptionId)
    {
        if (!Holds.Remove(redemptionId, out var held))
        {
            return false;
        }

        PerMember[held.MemberId] = HeldBy(held.MemberId) - 1;
        return true;
    }

    /// <summary>
    /// Takes an erased member's name and redemption ids off their holds: each unit stays issued (an unfinished one
    /// counts as completed, since nobody is left to settle it) under a fresh anonymous id. True when any was held.
    /// </summary>
    public bool ForgetMember(string memberId, Func<string> anonymousId)
    {
        var held = Holds.Where(h => h.Value.MemberId == memberId).ToList();
        foreach (var (redemptionId, hold) in held)
        {
            Holds.Remove(redemptionId);
            Holds[anonymousId()] = hold with { MemberId = "", Completed = true };
        }

        perMember = null;
        return held.Count > 0;
    }

    /// <summary>Reservations never completed that are older than <paramref name="age"/>: a member that stopped mid-way.</summary>
    public IReadOnlyList<(string RedemptionId, RewardHold Hold)> Unfinished(DateTimeOffset now, TimeSpan age) =>
        [.. Holds.Where(h => !h.Value.Completed && now - h.Value.ReservedAt >= age).Select(h => (h.Key, h.Value))];
}

public sealed record RewardHold(string MemberId, long CostPoints, DateTimeOffset ReservedAt, bool Completed);

public enum ReserveStatus
{
    Reserved,
    OutOfStock,
    LimitReached,
    NotValidNow,
    RedemptionIdTaken,
    InsufficientPoints,
}

public readonly record struct ReserveResult(ReserveStatus Status, long CostPoints);

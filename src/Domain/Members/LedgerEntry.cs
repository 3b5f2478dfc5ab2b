namespace Loyalty.Domain;

public enum LedgerKind
{
    Earned,
    Matured,
    ClawedBack,
    Redeemed,
    Expired,
    Adjusted,
    Bonus,
}

public enum PointsBalance
{
    Pending,
    Available,
}

/// <summary>
/// One change of one balance by a signed number of points. A member's balances are the sums of their entries:
/// maturing writes two (pending −x, available +x).
/// </summary>
public sealed record LedgerEntry(
    long Sequence, LedgerKind Kind, PointsBalance Balance, long Points, string Reason, string? EventId, DateTimeOffset OccurredAt);

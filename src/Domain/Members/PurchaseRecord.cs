namespace Loyalty.Domain;

/// <summary>What a purchase earned and how much of it was refunded so far: the basis of exact, proportional clawback.</summary>
public sealed class PurchaseRecord(long amountMinor, long pointsEarned, DateTimeOffset occurredAt, long refundedMinor = 0, long pointsClawedBack = 0)
{
    public long AmountMinor { get; } = amountMinor;

    public long PointsEarned { get; } = pointsEarned;

    public long RefundedMinor { get; private set; } = refundedMinor;

    public long PointsClawedBack { get; private set; } = pointsClawedBack;

    public DateTimeOffset OccurredAt { get; } = occurredAt;

    /// <summary>
    /// Records a refund and answers the points to claw back now. The cumulative clawback is
    /// floor(earned × refunded ÷ amount), so partial refunds that add up to the whole claw back exactly what was earned.
    /// </summary>
    public (long RefundMinor, long Points) Refund(long amountMinor)
    {
        // Money beyond what is left of the purchase is not refundable against it.
        var refund = Math.Clamp(amountMinor, 0, Math.Max(0, AmountMinor - RefundedMinor));
        RefundedMinor += refund;
        var clawedInTotal = AmountMinor > 0 ? (long)((Int128)PointsEarned * RefundedMinor / AmountMinor) : PointsEarned;
        var points = clawedInTotal - PointsClawedBack;
        PointsClawedBack = clawedInTotal;
        return (refund, points);
    }
}

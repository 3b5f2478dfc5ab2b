namespace Loyalty.Domain;

/// <summary>What apps and admins ask of a member's available points: redeeming a reward, cancelling it, a manual adjustment.</summary>
public sealed partial class MemberAccount
{
    /// <summary>Spends available points on a reward (see <see cref="MemberRedemptions.Redeem"/>); matured points count.</summary>
    public RedeemOutcome Redeem(string redemptionId, string rewardId, long costPoints, ProgramConfig config, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(costPoints);
        if (Redemptions.Find(redemptionId) is null)
        {
            ApplyDueWork(config, now);
        }

        var outcome = Redemptions.Redeem(redemptionId, rewardId, costPoints, Points, config, now);
        if (outcome == RedeemOutcome.Redeemed)
        {
            Version++;
        }

        return outcome;
    }

    /// <summary>Gives a redemption's points back; repeating it changes nothing. False for a redemption not held.</summary>
    public bool CancelRedemption(string redemptionId, ProgramConfig config, DateTimeOffset now)
    {
        var cancelled = Redemptions.Cancel(redemptionId, Points, config, now);
        if (cancelled == true)
        {
            Version++;
        }

        return cancelled is not null;
    }

    /// <summary>
    /// A manual adjustment (see <see cref="MemberAdjustments.Adjust"/>); time-driven work due now is done first, so
    /// points matured by now can be debited.
    /// </summary>
    public AdjustOutcome Adjust(string adjustmentId, long points, string reason, ProgramConfig config, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfZero(points);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Math.Abs(points), MemberAdjustments.MaxPoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Adjustments.Find(adjustmentId) is null)
        {
            ApplyDueWork(config, now);
        }

        var outcome = Adjustments.Adjust(adjustmentId, points, reason, Points, config, now);
        Version += outcome == AdjustOutcome.Adjusted ? 1 : 0;
        return outcome;
    }
}

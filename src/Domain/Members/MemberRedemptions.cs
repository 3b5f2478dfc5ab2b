namespace Loyalty.Domain;

/// <summary>
/// A member's redemptions by id, so repeating one answers the first outcome and a reward settling an unfinished hold
/// can ask whether it was paid. Each is kept for the program's <see cref="ProgramConfig.RedemptionRetentionDays"/>
/// after it was made or cancelled, and never more than the newest <see cref="MaxKept"/>: the state does not grow
/// with every redemption ever made.
/// </summary>
public sealed class MemberRedemptions
{
    public const int MaxKept = 500;

    private readonly Dictionary<string, Redemption> byId;

    public MemberRedemptions()
        : this([])
    {
    }

    private MemberRedemptions(IEnumerable<KeyValuePair<string, Redemption>> byId) =>
        this.byId = new Dictionary<string, Redemption>(byId, StringComparer.Ordinal);

    public static MemberRedemptions Restore(IEnumerable<KeyValuePair<string, Redemption>> byId) => new(byId);

    public IReadOnlyDictionary<string, Redemption> ById => byId;

    public Redemption? Find(string redemptionId) => byId.GetValueOrDefault(redemptionId);

    /// <summary>
    /// Spends available points on a reward. Pending points never count and the balance never goes below zero; a
    /// repeated redemption id changes nothing and answers the first outcome.
    /// </summary>
    public RedeemOutcome Redeem(string redemptionId, string rewardId, long costPoints, MemberPoints points, ProgramConfig config, DateTimeOffset now)
    {
        if (byId.TryGetValue(redemptionId, out var earlier))
        {
            return earlier.RewardId == rewardId ? RedeemOutcome.AlreadyRedeemed : RedeemOutcome.RedemptionIdTaken;
        }

        if (!points.Spend(costPoints, rewardId, redemptionId, now))
        {
            return RedeemOutcome.InsufficientPoints;
        }

        RetainedById.MakeRoomForOne(byId, r => r.RedeemedAt, LastChange, now.AddDays(-config.RedemptionRetentionDays), MaxKept);
        byId[redemptionId] = new Redemption(rewardId, costPoints, now, CancelledAt: null);
        return RedeemOutcome.Redeemed;
    }

    /// <summary>Gives a redemption's points back once. Null for a redemption not held; false when it was cancelled already.</summary>
    public bool? Cancel(string redemptionId, MemberPoints points, ProgramConfig config, DateTimeOffset now)
    {
        if (!byId.TryGetValue(redemptionId, out var redemption))
        {
            return null;
        }

        if (redemption.CancelledAt is not null)
        {
            return false;
        }

        points.GiveBack(redemptionId, redemption, config, now);
        byId[redemptionId] = redemption with { CancelledAt = now };
        return true;
    }

    private static DateTimeOffset LastChange(Redemption redemption) =>
        redemption.CancelledAt is { } cancelled && cancelled > redemption.RedeemedAt ? cancelled : redemption.RedeemedAt;
}

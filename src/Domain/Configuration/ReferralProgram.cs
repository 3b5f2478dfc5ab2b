namespace Loyalty.Domain;

/// <summary>
/// Referral rewards: when a referred member makes their first purchase of at least <see cref="MinPurchaseMinor"/>,
/// they and the member who invited them are each rewarded once.
/// </summary>
public sealed record ReferralProgram
{
    public long ReferrerBonusPoints { get; init; }

    public long RefereeBonusPoints { get; init; }

    public long MinPurchaseMinor { get; init; }
}

namespace Loyalty.Domain;

/// <summary>The parts a <see cref="MemberAccount"/> coordinates: new ones for a new member, restored ones for a stored one.</summary>
public sealed record MemberParts(
    MemberPoints Points,
    MemberPurchases Purchases,
    RecentEventIds SeenEvents,
    TierState Tier,
    StreakState Streak,
    RfmState Rfm,
    MemberPeriods Periods,
    MemberBadges Badges,
    MemberChallenges Challenges,
    MemberReferral Referral,
    MemberRedemptions Redemptions,
    MemberNews News,
    MemberEngagement Engagements,
    MemberSurveys Surveys,
    MemberAdjustments Adjustments)
{
    public MemberParts()
        : this(new(), new(), new(), new(), new(), new(), new(), new(), new(), new(), new(), new(), new(), new(), new())
    {
    }
}

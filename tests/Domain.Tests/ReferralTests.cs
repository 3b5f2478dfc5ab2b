using static Loyalty.Domain.Tests.TestPrograms;

namespace Loyalty.Domain.Tests;

public sealed class ReferralTests
{
    private static readonly ProgramConfig Referring = Basic with
    {
        Referrals = new ReferralProgram { ReferrerBonusPoints = 500, RefereeBonusPoints = 250, MinPurchaseMinor = 2_000 },
    };

    private static readonly DateTimeOffset Now = At("2026-06-30T00:00Z");

    [Fact]
    public void Joining_is_refused_for_ones_own_code_a_loop_a_second_referrer_and_an_existing_customer()
    {
        var bea = new MemberAccount("bea");
        Assert.Equal(ReferralJoinOutcome.SelfReferral, bea.JoinReferral("bea", ["bea"]));
        Assert.Equal(ReferralJoinOutcome.Loop, bea.JoinReferral("cal", ["cal", "bea"])); // cal was referred by bea
        Assert.Equal(ReferralJoinOutcome.Joined, bea.JoinReferral("ann", ["ann"]));
        Assert.Equal(ReferralJoinOutcome.Joined, bea.JoinReferral("ann", ["ann"])); // repeating changes nothing
        Assert.Equal(ReferralJoinOutcome.AlreadyReferred, bea.JoinReferral("dan", ["dan"]));

        var customer = new MemberAccount("eve");
        customer.Apply(Buy("p0", 5_000, "2026-06-01T10:00Z", member: "eve"), Referring, Now);
        Assert.Equal(ReferralJoinOutcome.AlreadyCustomer, customer.JoinReferral("ann", ["ann"]));
    }

    [Fact]
    public void An_erased_member_is_forgotten_as_referrer_and_as_credited_referee_and_nothing_is_paid_twice()
    {
        var bea = new MemberAccount("bea");
        bea.JoinReferral("ann", ["ann"]);
        bea.Apply(Buy("b1", 5_000, "2026-06-01T10:00Z", member: "bea"), Referring, Now);
        var ann = new MemberAccount("ann");
        Assert.True(ann.CreditReferral("bea", Referring, At("2026-06-01T10:00Z"), Now));

        Assert.True(bea.Referral.Forget("ann"));
        Assert.True(ann.Referral.Forget("bea"));
        Assert.False(bea.Referral.Forget("ann")); // forgetting again changes nothing

        Assert.Equal((null, null, true), (bea.Referral.ReferredBy, bea.Referral.ReferrerToCredit, bea.Referral.Qualified));
        Assert.Empty(ann.Referral.CreditedReferees);
        Assert.False(bea.Referral.Qualify(Buy("b2", 5_000, "2026-06-02T10:00Z", member: "bea"), Referring.Referrals));
    }

    [Fact]
    public void The_first_qualifying_purchase_rewards_the_referee_once_and_owes_the_referrer_once()
    {
        var bea = new MemberAccount("bea");
        bea.JoinReferral("ann", ["ann"]);
        bea.Apply(Buy("small", 1_999, "2026-06-01T10:00Z", member: "bea"), Referring, Now);
        Assert.Null(bea.Referral.ReferrerToCredit);

        bea.Apply(Buy("big", 2_000, "2026-06-02T10:00Z", member: "bea"), Referring, Now);
        bea.Apply(Buy("more", 9_000, "2026-06-03T10:00Z", member: "bea"), Referring, Now);
        Assert.Equal("ann", bea.Referral.ReferrerToCredit);
        Assert.Equal([250L], bea.WholeLedger.Where(e => e.Kind == LedgerKind.Bonus).Select(e => e.Points));

        var ann = new MemberAccount("ann");
        Assert.True(ann.CreditReferral("bea", Referring, At("2026-06-02T10:00Z"), Now));
        Assert.False(ann.CreditReferral("bea", Referring, At("2026-06-02T10:00Z"), Now));
        Assert.Equal((500L, 500L), (ann.Points.Available, ann.Points.LifetimeEarned));
        bea.Referral.ReferrerCredited();
        Assert.Null(bea.Referral.ReferrerToCredit);
    }
}

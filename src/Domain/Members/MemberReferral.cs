namespace Loyalty.Domain;

/// <summary>A member's side of referrals: the code they invite with, who invited them, and rewards due or given.</summary>
public sealed class MemberReferral
{
    private readonly HashSet<string> creditedReferees;

    public MemberReferral()
        : this(null, null, false, null, null, [])
    {
    }

    private MemberReferral(
        string? code, string? referredBy, bool qualified, string? referrerToCredit, DateTimeOffset? qualifiedAt, IEnumerable<string> creditedReferees)
    {
        (Code, ReferredBy, Qualified, ReferrerToCredit, QualifiedAt) = (code, referredBy, qualified, referrerToCredit, qualifiedAt);
        this.creditedReferees = new HashSet<string>(creditedReferees, StringComparer.Ordinal);
    }

    public static MemberReferral Restore(
        string? code, string? referredBy, bool qualified, string? referrerToCredit, DateTimeOffset? qualifiedAt, IEnumerable<string> creditedReferees) =>
        new(code, referredBy, qualified, referrerToCredit, qualifiedAt, creditedReferees);

    public string? Code { get; private set; }

    public string? ReferredBy { get; private set; }

    /// <summary>True once this member's first qualifying purchase rewarded them (and, through the outbox, their referrer).</summary>
    public bool Qualified { get; private set; }

    /// <summary>The referrer still to be credited for this member's qualifying purchase; cleared once they confirm.</summary>
    public string? ReferrerToCredit { get; private set; }

    public DateTimeOffset? QualifiedAt { get; private set; }

    /// <summary>Members whose qualifying purchase has been credited to this member: each counts once.</summary>
    public IReadOnlySet<string> CreditedReferees => creditedReferees;

    /// <summary>The code this member invites with, claimed for them elsewhere; set once.</summary>
    public void AssignCode(string code) => Code ??= code;

    /// <summary>
    /// Joins the referrer who owns the code. Refused for one's own code, for a member already referred or already a
    /// customer, and when it would close a loop (<paramref name="referrerChain"/>: the referrer, their referrer, ...).
    /// </summary>
    public ReferralJoinOutcome Join(string memberId, string referrerId, IReadOnlyList<string> referrerChain, int purchaseCount)
    {
        if (referrerId == memberId)
        {
            return ReferralJoinOutcome.SelfReferral;
        }

        if (ReferredBy is { } existing)
        {
            return existing == referrerId ? ReferralJoinOutcome.Joined : ReferralJoinOutcome.AlreadyReferred;
        }

        if (referrerChain.Contains(memberId, StringComparer.Ordinal))
        {
            return ReferralJoinOutcome.Loop;
        }

        if (purchaseCount > 0)
        {
            return ReferralJoinOutcome.AlreadyCustomer;
        }

        ReferredBy = referrerId;
        return ReferralJoinOutcome.Joined;
    }

    /// <summary>The referee's first qualifying purchase, once: the referrer is owed their credit. True when it qualified.</summary>
    public bool Qualify(Purchase purchase, ReferralProgram? referrals)
    {
        if (referrals is null || ReferredBy is null || Qualified || purchase.AmountMinor < referrals.MinPurchaseMinor)
        {
            return false;
        }

        Qualified = true;
        QualifiedAt = purchase.OccurredAt;
        ReferrerToCredit = ReferredBy;
        return true;
    }

    /// <summary>Records a referee's qualifying purchase as credited to this member; false if it already was.</summary>
    public bool CreditReferee(string refereeId) => creditedReferees.Add(refereeId);

    /// <summary>
    /// Forgets an erased member, as this member's referrer or as a referee credited to them; true when either held.
    /// A referee already credited stays qualified, so nothing is paid twice.
    /// </summary>
    public bool Forget(string memberId)
    {
        var forgot = creditedReferees.Remove(memberId);
        if (ReferredBy == memberId)
        {
            (ReferredBy, forgot) = (null, true);
            ReferrerToCredit = ReferrerToCredit == memberId ? null : ReferrerToCredit;
        }

        return forgot;
    }

    /// <summary>The referrer has confirmed their credit: nothing is owed any more.</summary>
    public void ReferrerCredited() => ReferrerToCredit = null;
}

public enum ReferralJoinOutcome
{
    Joined,
    AlreadyReferred,
    SelfReferral,
    Loop,
    AlreadyCustomer,
}

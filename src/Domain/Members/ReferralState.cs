namespace Loyalty.Domain;

/// <summary>A member's side of referrals: the code they invite with, who invited them, and rewards due or given.</summary>
public sealed class ReferralState
{
    public string? Code { get; set; }

    public string? ReferredBy { get; set; }

    /// <summary>True once this member's first qualifying purchase rewarded them (and, through the outbox, their referrer).</summary>
    public bool Qualified { get; set; }

    /// <summary>The referrer still to be credited for this member's qualifying purchase; cleared once they confirm.</summary>
    public string? ReferrerToCredit { get; set; }

    public DateTimeOffset? QualifiedAt { get; set; }

    /// <summary>Members whose qualifying purchase has been credited to this member: each counts once.</summary>
    public HashSet<string> CreditedReferees { get; set; } = new(StringComparer.Ordinal);
}

public enum ReferralJoinOutcome
{
    Joined,
    AlreadyReferred,
    SelfReferral,
    Loop,
    AlreadyCustomer,
}

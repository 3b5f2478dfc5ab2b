namespace Loyalty.Grains.Interfaces.Referrals;

/// <summary>A referral code of a program (key <c>{program}/{code}</c>) and the member who invites with it.</summary>
public interface IReferralCodeGrain : IGrainWithStringKey
{
    /// <summary>Takes the code for the member; false when another member owns it.</summary>
    Task<bool> Claim(string memberId);

    Task<string?> Owner();

    /// <summary>Forgets the code if <paramref name="memberId"/> owns it (erasure); the code may then be claimed anew.</summary>
    Task Release(string memberId);
}

public enum ReferralStatus
{
    Joined,
    ReferralsDisabled,
    CodeNotFound,
    SelfReferral,
    AlreadyReferred,
    Loop,
    AlreadyCustomer,
}

using System.Security.Cryptography;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Members;
using Loyalty.Grains.Interfaces.Referrals;

namespace Loyalty.Grains.Members;

/// <summary>
/// Referrals: a member invites with a code; a member who joins with it before their first purchase is rewarded at
/// their first qualifying purchase, and so is the referrer, each once. The referrer's credit waits in this member's
/// state until the referrer confirms it, so a failed call is retried, never lost or doubled.
/// </summary>
internal sealed class MemberReferrals(IGrainFactory grains, string programId, string memberId)
{
    private const int MaxReferralChain = 64;
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>The member's code, claiming a fresh one first if it has none; <paramref name="persist"/> stores the claim.</summary>
    public async Task<string> Code(MemberAccount account, Func<Task> persist)
    {
        while (account.Referral.Code is null)
        {
            var code = RandomNumberGenerator.GetString(CodeAlphabet, 8);
            if (await grains.GetGrain<IReferralCodeGrain>(GrainKeys.ReferralCode(programId, code)).Claim(memberId))
            {
                account.Referral.AssignCode(code);
                await persist();
            }
        }

        return account.Referral.Code;
    }

    /// <summary>Joins the owner of <paramref name="code"/> as referrer; <paramref name="persist"/> stores a join.</summary>
    public async Task<ReferralStatus> Join(MemberAccount account, string code, Func<Task> persist)
    {
        var referrer = await grains.GetGrain<IReferralCodeGrain>(GrainKeys.ReferralCode(programId, code)).Owner();
        if (referrer is null)
        {
            return ReferralStatus.CodeNotFound;
        }

        var outcome = account.JoinReferral(referrer, await ChainFrom(referrer));
        if (outcome == ReferralJoinOutcome.Joined)
        {
            await persist();
        }

        return outcome switch
        {
            ReferralJoinOutcome.Joined => ReferralStatus.Joined,
            ReferralJoinOutcome.SelfReferral => ReferralStatus.SelfReferral,
            ReferralJoinOutcome.AlreadyReferred => ReferralStatus.AlreadyReferred,
            ReferralJoinOutcome.Loop => ReferralStatus.Loop,
            _ => ReferralStatus.AlreadyCustomer,
        };
    }

    /// <summary>Delivers a referrer credit this member owes; true when delivered. A failure fails the turn, which is done again.</summary>
    public async Task<bool> CreditReferrer(MemberAccount account)
    {
        if (account.Referral is not { ReferrerToCredit: { } referrer, QualifiedAt: { } at })
        {
            return false;
        }

        // The referrer credits each referee once, so crediting before this member stores its turn is safe.
        await grains.GetGrain<IMemberGrain>(GrainKeys.Member(programId, referrer)).CreditReferral(memberId, at);
        account.Referral.ReferrerCredited();
        return true;
    }

    /// <summary>The referrer, their referrer, and so on: joining must not close a loop.</summary>
    private async Task<List<string>> ChainFrom(string referrer)
    {
        var chain = new List<string> { referrer };
        while (chain.Count < MaxReferralChain
            && await grains.GetGrain<IMemberGrain>(GrainKeys.Member(programId, chain[^1])).GetReferredBy() is { } next
            && !chain.Contains(next))
        {
            chain.Add(next);
        }

        return chain;
    }
}

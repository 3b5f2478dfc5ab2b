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
public sealed partial class MemberGrain
{
    private const int MaxReferralChain = 64;
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task<string?> GetReferralCode()
    {
        if (!state.RecordExists)
        {
            return null;
        }

        while (state.State.Referral.Code is null)
        {
            var code = RandomNumberGenerator.GetString(CodeAlphabet, 8);
            if (await GrainFactory.GetGrain<IReferralCodeGrain>(GrainKeys.ReferralCode(programId, code)).Claim(memberId))
            {
                state.State.Referral.AssignCode(code);
                await Persist();
            }
        }

        return state.State.Referral.Code;
    }

    public async Task<ReferralStatus> JoinReferral(string code)
    {
        var rules = await RequireRules();
        if (rules.Config.Referrals is null)
        {
            return ReferralStatus.ReferralsDisabled;
        }

        var referrer = await GrainFactory.GetGrain<IReferralCodeGrain>(GrainKeys.ReferralCode(programId, code)).Owner();
        if (referrer is null)
        {
            return ReferralStatus.CodeNotFound;
        }

        var outcome = state.State.JoinReferral(referrer, await ChainFrom(referrer));
        if (outcome == ReferralJoinOutcome.Joined)
        {
            await Persist();
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

    public Task<string?> GetReferredBy() => Task.FromResult(state.State.Referral.ReferredBy);

    public async Task CreditReferral(string refereeId, DateTimeOffset qualifiedAt)
    {
        var rules = await RequireRules();
        if (state.State.CreditReferral(refereeId, rules.Config, qualifiedAt, clock.GetUtcNow()))
        {
            await Persist();
            await PublishScores([.. PeriodKeys.For(qualifiedAt, rules.Zone)], []);
        }
    }

    /// <summary>The referrer, their referrer, and so on: joining must not close a loop.</summary>
    private async Task<List<string>> ChainFrom(string referrer)
    {
        var chain = new List<string> { referrer };
        while (chain.Count < MaxReferralChain
            && await GrainFactory.GetGrain<IMemberGrain>(GrainKeys.Member(programId, chain[^1])).GetReferredBy() is { } next
            && !chain.Contains(next))
        {
            chain.Add(next);
        }

        return chain;
    }

    /// <summary>Delivers a referrer credit this member owes; true when delivered. A failure fails the turn, which is done again.</summary>
    private async Task<bool> CreditReferrer()
    {
        if (state.State.Referral is not { ReferrerToCredit: { } referrer, QualifiedAt: { } at })
        {
            return false;
        }

        // The referrer credits each referee once, so crediting before this member stores its turn is safe.
        await GrainFactory.GetGrain<IMemberGrain>(GrainKeys.Member(programId, referrer)).CreditReferral(memberId, at);
        state.State.Referral.ReferrerCredited();
        return true;
    }
}

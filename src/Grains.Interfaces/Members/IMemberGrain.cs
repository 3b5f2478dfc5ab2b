using System.Collections.Immutable;
using Orleans.Concurrency;

namespace Loyalty.Grains.Interfaces.Members;

/// <summary>
/// One member of one program (key <c>{program}/{member}</c>). It consumes the member-events stream through an
/// implicit subscription and is the single authority on which events it has applied.
/// </summary>
public interface IMemberGrain : IGrainWithStringKey
{
    /// <summary>
    /// Claims event ids for publication and answers those already applied or claimed, which the caller reports as
    /// duplicates. A claim is a hint kept in memory: the applied-event record, not the claim, makes the effect exactly-once.
    /// It interleaves with a batch that waits for its leaderboard writes: it reads and changes nothing that batch awaits.
    /// </summary>
    [AlwaysInterleave]
    Task<ImmutableArray<string>> ClaimEventIds(ImmutableArray<string> eventIds);

    /// <summary>Gives back claims whose events could not be published, so a retry is not mistaken for a duplicate.</summary>
    [AlwaysInterleave]
    Task ReleaseEventIds(ImmutableArray<string> eventIds);

    /// <summary>The member's current view, or null for a member never seen.</summary>
    Task<MemberSnapshot?> GetSnapshot();

    /// <summary>A page of the ledger, newest first.</summary>
    Task<LedgerPage> GetLedger(int offset, int limit);
}

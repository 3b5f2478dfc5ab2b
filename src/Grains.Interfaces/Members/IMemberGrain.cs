using System.Collections.Immutable;

namespace Loyalty.Grains.Interfaces.Members;

/// <summary>
/// One member of one program (key <c>{program}/{member}</c>). It consumes the member-events stream through an
/// implicit subscription and is the single authority on which events it has applied: a redelivered or resent event
/// changes nothing.
/// </summary>
public interface IMemberGrain : IGrainWithStringKey
{
    /// <summary>The member's current view, or null for a member never seen.</summary>
    Task<MemberSnapshot?> GetSnapshot();

    /// <summary>A page of the ledger, newest first.</summary>
    Task<LedgerPage> GetLedger(int offset, int limit);
}

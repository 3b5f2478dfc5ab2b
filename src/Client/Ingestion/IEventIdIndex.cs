namespace Loyalty.Client.Ingestion;

/// <summary>
/// Remembers, compactly, which events were accepted recently, so a resent event is answered "duplicate" at once. It
/// holds 64-bit fingerprints (<see cref="EventIdHasher"/>) of a member's event ids, not the ids, so a hit may be
/// another event: the index shapes the answer, never the effect, and the member grain, which holds the exact ids,
/// decides what is applied. An id is marked stored only after its event is on the stream; while an attempt is
/// publishing it, other attempts find it in doubt.
/// </summary>
public interface IEventIdIndex
{
    /// <summary>Claims each fingerprint (within a program) for <paramref name="attempt"/>, answering in their order.</summary>
    Task<EventIdClaim[]> Claim(string programId, IReadOnlyList<ulong> ids, string attempt);

    /// <summary>The events are on the stream: later attempts find them stored.</summary>
    Task Confirm(string programId, IReadOnlyList<ulong> ids);

    /// <summary>The events could not be published: the attempt's claims are given back (best effort; they also expire).</summary>
    Task Release(string programId, IReadOnlyList<ulong> ids, string attempt);

    /// <summary>Whether each fingerprint was stored recently, in their order; reads only, claims nothing.</summary>
    Task<bool[]> AreStored(string programId, IReadOnlyList<ulong> ids);
}

public enum EventIdClaim
{
    /// <summary>Not seen recently: this attempt publishes it.</summary>
    Fresh = 0,

    /// <summary>Accepted before, or (rarely) another event with the same fingerprint: answered as a duplicate.</summary>
    Stored = 1,

    /// <summary>Another attempt is publishing it right now: its outcome is unknown, so the caller asks for a retry.</summary>
    InDoubt = 2,
}

namespace Loyalty.Grains.Ingestion;

/// <summary>
/// Remembers which event ids were accepted recently, so a resent event is answered "duplicate" at once, without
/// waking its member. An id is marked stored only after its event is on the stream; while an attempt is publishing
/// it, other attempts find it in doubt. The member grain stays the authority on what was applied: the index only
/// shapes the answer, never the effect.
/// </summary>
public interface IEventIdIndex
{
    /// <summary>Claims each event id (unique within a program) for <paramref name="attempt"/>, answering in their order.</summary>
    Task<EventIdClaim[]> Claim(string programId, IReadOnlyList<string> eventIds, string attempt);

    /// <summary>The events are on the stream: later attempts are duplicates.</summary>
    Task Confirm(string programId, IReadOnlyList<string> eventIds);

    /// <summary>The events could not be published: the attempt's claims are given back (best effort; they also expire).</summary>
    Task Release(string programId, IReadOnlyList<string> eventIds, string attempt);

    /// <summary>Whether each event id was stored recently, in their order; reads only, claims nothing.</summary>
    Task<bool[]> AreStored(string programId, IReadOnlyList<string> eventIds);
}

public enum EventIdClaim
{
    /// <summary>Not seen recently: this attempt publishes it.</summary>
    Fresh = 0,

    /// <summary>Accepted before: a duplicate.</summary>
    Stored = 1,

    /// <summary>Another attempt is publishing it right now: its outcome is unknown, so the caller asks for a retry.</summary>
    InDoubt = 2,
}

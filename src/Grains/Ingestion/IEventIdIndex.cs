namespace Loyalty.Grains.Ingestion;

/// <summary>
/// Remembers which event ids were accepted recently, so a resent event is answered "duplicate" at once, without
/// waking its member. An id is marked stored only after its event is on the stream; while an attempt is publishing
/// it, other attempts find it in doubt. The member grain stays the authority on what was applied: the index only
/// shapes the answer, never the effect.
/// </summary>
public interface IEventIdIndex
{
    /// <summary>Claims each event for <paramref name="attempt"/>; the answer is in the order of <paramref name="events"/>.</summary>
    Task<EventIdClaim[]> Claim(string programId, IReadOnlyList<MemberEventKey> events, string attempt);

    /// <summary>The events are on the stream: later attempts are duplicates.</summary>
    Task Confirm(string programId, IReadOnlyList<MemberEventKey> events);

    /// <summary>The events could not be published: the attempt's claims are given back (best effort; they also expire).</summary>
    Task Release(string programId, IReadOnlyList<MemberEventKey> events, string attempt);
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

/// <summary>Event ids are unique per member, as the member grain de-duplicates them.</summary>
public readonly record struct MemberEventKey(string MemberId, string EventId);

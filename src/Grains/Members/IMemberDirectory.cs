using Loyalty.Grains.Interfaces.Members;

namespace Loyalty.Grains.Members;

/// <summary>
/// Every member of a program with what the listing shows of them, kept beside the member grains and read in pages in
/// order of member id. Members list themselves after storing a change of a listed field, and once more on their
/// first turn after an activation, so a change stored just before a crash is listed when its events come again.
/// </summary>
public interface IMemberDirectory
{
    /// <summary>
    /// Keeps <paramref name="summary"/> unless the directory holds a newer version of the member (an equal version
    /// replaces); either way the member's <see cref="MemberSummary.LastEventAt"/> becomes the later of the two, so
    /// listing again, late or twice, never makes the directory older.
    /// </summary>
    Task Upsert(string programId, MemberSummary summary);

    /// <summary>Forgets the member (erasure); a member never listed is no error.</summary>
    Task Remove(string programId, string memberId);

    /// <summary>Up to <see cref="MemberListQuery.Limit"/> members after <see cref="MemberListQuery.After"/>, in ordinal order of id.</summary>
    Task<MemberSummaryPage> Page(string programId, MemberListQuery query);
}

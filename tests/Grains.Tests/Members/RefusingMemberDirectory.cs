using System.Collections.Concurrent;
using Loyalty.Grains.Interfaces.Members;
using Loyalty.Grains.Members;

namespace Loyalty.Grains.Tests.Members;

/// <summary>The shared member directory, except that listing members of chosen programs fails, as when the store is away.</summary>
public sealed class RefusingMemberDirectory(IMemberDirectory inner) : IMemberDirectory
{
    private readonly ConcurrentDictionary<string, bool> refused = new(StringComparer.Ordinal);

    public void Refuse(string programId) => refused[programId] = true;

    public void Accept(string programId) => refused.TryRemove(programId, out _);

    public Task Upsert(string programId, MemberSummary summary) =>
        refused.ContainsKey(programId)
            ? throw new InvalidOperationException($"The member directory refuses program {programId}.")
            : inner.Upsert(programId, summary);

    public Task Remove(string programId, string memberId) => inner.Remove(programId, memberId);

    public Task<MemberSummaryPage> Page(string programId, MemberListQuery query) => inner.Page(programId, query);
}

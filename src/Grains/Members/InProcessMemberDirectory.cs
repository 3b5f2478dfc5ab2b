using System.Collections.Concurrent;
using System.Collections.Immutable;
using Loyalty.Grains.Interfaces.Members;

namespace Loyalty.Grains.Members;

/// <summary>
/// The embedded profile's member directory: each program's members in sorted sets in this process, one of all ids
/// and one per tier, so a page of a tier costs what the page holds. Silos that share one instance share it.
/// </summary>
public sealed class InProcessMemberDirectory : IMemberDirectory
{
    private readonly ConcurrentDictionary<string, ProgramMembers> programs = new(StringComparer.Ordinal);

    public Task Upsert(string programId, MemberSummary summary)
    {
        var members = programs.GetOrAdd(programId, _ => new ProgramMembers());
        lock (members)
        {
            members.Upsert(summary);
        }

        return Task.CompletedTask;
    }

    public Task Remove(string programId, string memberId)
    {
        if (programs.TryGetValue(programId, out var members))
        {
            lock (members)
            {
                members.Remove(memberId);
            }
        }

        return Task.CompletedTask;
    }

    public Task<MemberSummaryPage> Page(string programId, MemberListQuery query)
    {
        if (!programs.TryGetValue(programId, out var members))
        {
            return Task.FromResult(new MemberSummaryPage([], null));
        }

        lock (members)
        {
            return Task.FromResult(members.Page(query));
        }
    }

    private sealed class ProgramMembers
    {
        private readonly Dictionary<string, MemberSummary> summaries = new(StringComparer.Ordinal);
        private readonly SortedSet<string> ids = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SortedSet<string>> tiers = new(StringComparer.Ordinal);

        public void Upsert(MemberSummary incoming)
        {
            var id = incoming.MemberId;
            summaries.TryGetValue(id, out var held);
            var kept = held?.Merge(incoming) ?? incoming;
            if (held is not null && held.Tier != kept.Tier)
            {
                tiers[held.Tier].Remove(id);
            }

            summaries[id] = kept;
            ids.Add(id);
            Tier(kept.Tier).Add(id);
        }

        public void Remove(string memberId)
        {
            if (summaries.Remove(memberId, out var held))
            {
                ids.Remove(memberId);
                tiers[held.Tier].Remove(memberId);
            }
        }

        public MemberSummaryPage Page(MemberListQuery query)
        {
            var set = query.Tier is null ? ids : tiers.GetValueOrDefault(query.Tier);
            if (set is null || set.Count == 0)
            {
                return new MemberSummaryPage([], null);
            }

            // Ids are ASCII, so every id with the prefix sorts before the prefix followed by the highest character.
            var lower = string.CompareOrdinal(query.After, query.Prefix) > 0 ? query.After! : query.Prefix ?? set.Min!;
            var upper = query.Prefix is null ? set.Max! : query.Prefix + char.MaxValue;
            if (string.CompareOrdinal(lower, upper) > 0)
            {
                return new MemberSummaryPage([], null);
            }

            var page = set.GetViewBetween(lower, upper)
                .Where(id => id != query.After)
                .Take(query.Limit + 1)
                .Select(id => summaries[id])
                .ToImmutableArray();
            return page.Length > query.Limit
                ? new MemberSummaryPage(page[..query.Limit], page[query.Limit - 1].MemberId)
                : new MemberSummaryPage(page, null);
        }

        private SortedSet<string> Tier(string tier) =>
            tiers.TryGetValue(tier, out var set) ? set : tiers[tier] = new SortedSet<string>(StringComparer.Ordinal);
    }
}

using System.Collections.Immutable;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Events;
using Loyalty.Grains.Interfaces.Members;
using Orleans.Streams;

namespace Loyalty.Grains.Ingestion;

/// <summary>
/// Publishes validated events onto the member-events stream, one stream item per member, after asking each member
/// grain which of its event ids it has already seen. Publication is all-or-retry: when any member's events cannot
/// be published, the caller answers 503 and the producer resends the batch; what was published is then a duplicate.
/// </summary>
public sealed class MemberEventPublisher(IClusterClient cluster, ILogger<MemberEventPublisher> logger)
{
    public sealed record Outcome(IReadOnlySet<string> Duplicates, bool Complete);

    public async Task<Outcome> Publish(string programId, IReadOnlyList<MemberEvent> events)
    {
        var provider = cluster.GetStreamProvider(MemberEventStream.ProviderName);
        var perMember = events.GroupBy(e => e.MemberId, StringComparer.Ordinal);
        var results = await Task.WhenAll(perMember.Select(group => PublishMember(provider, programId, group.Key, [.. group])));
        var duplicates = results.SelectMany(r => r.Duplicates).ToHashSet(StringComparer.Ordinal);
        return new Outcome(duplicates, results.All(r => r.Published));
    }

    private async Task<(ImmutableArray<string> Duplicates, bool Published)> PublishMember(
        IStreamProvider provider, string programId, string memberId, ImmutableArray<MemberEvent> events)
    {
        var member = cluster.GetGrain<IMemberGrain>(GrainKeys.Member(programId, memberId));
        var duplicates = await member.ClaimEventIds([.. events.Select(e => e.EventId)]);
        var fresh = duplicates.IsEmpty ? events : [.. events.Where(e => !duplicates.Contains(e.EventId))];
        if (fresh.IsEmpty)
        {
            return (duplicates, true);
        }

        try
        {
            var stream = provider.GetStream<MemberEventBatch>(MemberEventStream.For(programId, memberId));
            await stream.OnNextAsync(new MemberEventBatch(programId, memberId, fresh));
            return (duplicates, true);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Publishing {Count} events of member {MemberId} failed", fresh.Length, memberId);
            await member.ReleaseEventIds([.. fresh.Select(x => x.EventId)]);
            return (duplicates, false);
        }
    }
}

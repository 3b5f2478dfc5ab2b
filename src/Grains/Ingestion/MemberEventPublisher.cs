using System.Collections.Immutable;
using Loyalty.Grains.Interfaces.Events;
using Orleans.Streams;

namespace Loyalty.Grains.Ingestion;

/// <summary>
/// Publishes validated events onto the member-events stream, one stream item per member, after asking the event-id
/// index which were accepted before. Publication is all-or-retry: when any member's events cannot be published, or
/// another request is publishing the same event right now, the caller answers 503 and the producer resends the batch;
/// what was published is then a duplicate.
/// </summary>
public sealed class MemberEventPublisher(IClusterClient cluster, IEventIdIndex index, ILogger<MemberEventPublisher> logger)
{
    public sealed record Outcome(IReadOnlySet<string> Duplicates, bool Complete);

    public async Task<Outcome> Publish(string programId, IReadOnlyList<MemberEvent> events)
    {
        var attempt = Guid.NewGuid().ToString("N");
        var claims = await index.Claim(programId, [.. events.Select(Key)], attempt);
        var duplicates = new HashSet<string>(StringComparer.Ordinal);
        var fresh = new List<MemberEvent>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            switch (claims[i])
            {
                case EventIdClaim.Fresh:
                    fresh.Add(events[i]);
                    break;
                case EventIdClaim.Stored:
                    duplicates.Add(events[i].EventId);
                    break;
            }
        }

        var provider = cluster.GetStreamProvider(MemberEventStream.ProviderName);
        var results = await Task.WhenAll(fresh
            .GroupBy(e => e.MemberId, StringComparer.Ordinal)
            .Select(member => PublishMember(provider, programId, member.Key, [.. member])));
        var published = results.Where(r => r.Published).SelectMany(r => r.Events).Select(Key).ToList();
        var failed = results.Where(r => !r.Published).SelectMany(r => r.Events).Select(Key).ToList();
        await Settle(() => index.Confirm(programId, published), "confirm", published.Count);
        await Settle(() => index.Release(programId, failed, attempt), "release", failed.Count);
        return new Outcome(duplicates, failed.Count == 0 && fresh.Count + duplicates.Count == events.Count);
    }

    private async Task<(ImmutableArray<MemberEvent> Events, bool Published)> PublishMember(
        IStreamProvider provider, string programId, string memberId, ImmutableArray<MemberEvent> events)
    {
        try
        {
            var stream = provider.GetStream<MemberEventBatch>(MemberEventStream.For(programId, memberId));
            await stream.OnNextAsync(new MemberEventBatch(programId, memberId, events));
            return (events, true);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Publishing {Count} events of member {MemberId} failed", events.Length, memberId);
            return (events, false);
        }
    }

    /// <summary>
    /// Index upkeep after publication. A failure costs only answer precision, never an event: unconfirmed claims
    /// expire and are then taken for fresh events again, which their members ignore.
    /// </summary>
    private async Task Settle(Func<Task> update, string what, int count)
    {
        if (count == 0)
        {
            return;
        }

        try
        {
            await update();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not {What} {Count} event ids in the index", what, count);
        }
    }

    private static string Key(MemberEvent e) => e.EventId;
}

using System.Collections.Immutable;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces.Events;
using Orleans.Streams;

namespace Loyalty.Client.Ingestion;

/// <summary>
/// Publishes validated events onto the member-events stream, one stream item per partition holding each member's
/// events in order, after asking the event-id index which were accepted before. Publication is all-or-retry: when
/// any partition's events cannot be published, or another request is publishing the same event right now, the
/// caller answers 503 and the producer resends the batch; what was published is then a duplicate.
/// The index holds fingerprints, so its "stored" may be a new event that shares one: such events are answered
/// duplicate but published again all the same, and their member, which holds the exact ids, applies a new one and
/// ignores a true resend. Resends are rare beside new events, so this costs little and never loses an event.
/// </summary>
/// <param name="partitions">Partitions of every program's member-events stream: the same on every gateway.</param>
/// <param name="lag">Counts each stream item's events into the ingestion lag this process sees.</param>
/// <param name="eventsPerItem">
/// The most events one stream item carries (whole members, so one member's may exceed it): a partition's events
/// travel in as many items as that takes, in order. Bounded where the stream bounds a message's size (Azure queues).
/// </param>
public sealed class MemberEventPublisher(
    IClusterClient cluster, IEventIdIndex index, EventIdHasher hasher, int partitions, ILogger<MemberEventPublisher> logger,
    IPublicationCounter? lag = null, int eventsPerItem = int.MaxValue)
{
    public sealed record Outcome(IReadOnlySet<string> Duplicates, bool Complete);

    public async Task<Outcome> Publish(string programId, IReadOnlyList<MemberEvent> events)
    {
        var attempt = Guid.NewGuid().ToString("N");
        var claims = await index.Claim(programId, [.. events.Select(Key)], attempt);
        var duplicates = new HashSet<string>(StringComparer.Ordinal);
        var toPublish = new List<MemberEvent>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            if (claims[i] == EventIdClaim.Stored)
            {
                duplicates.Add(events[i].EventId);
            }

            if (claims[i] != EventIdClaim.InDoubt)
            {
                toPublish.Add(events[i]);
            }
        }

        var results = await PublishAll(programId, toPublish);
        var isFresh = events.Where((_, i) => claims[i] == EventIdClaim.Fresh).ToHashSet(ReferenceEqualityComparer.Instance);
        var published = results.Where(r => r.Published).SelectMany(r => r.Events).Where(isFresh.Contains).Select(Key).ToList();
        var failed = results.Where(r => !r.Published).SelectMany(r => r.Events).ToList();
        var released = failed.Where(isFresh.Contains).Select(Key).ToList();
        await TryUpdateIndex(() => index.Confirm(programId, published), "confirm", published.Count);
        await TryUpdateIndex(() => index.Release(programId, released, attempt), "release", released.Count);
        return new Outcome(duplicates, failed.Count == 0 && toPublish.Count == events.Count);
    }

    /// <summary>
    /// Publishes events that were accepted before and parked as dead letters: the index holds them already, so it is
    /// not asked, and each member applies the event once whatever repeats. True when every partition took its events.
    /// </summary>
    public async Task<bool> Republish(string programId, IReadOnlyList<MemberEvent> events) =>
        (await PublishAll(programId, events)).All(r => r.Published);

    private Task<(ImmutableArray<MemberEvent> Events, bool Published)[]> PublishAll(string programId, IReadOnlyList<MemberEvent> events)
    {
        var provider = cluster.GetStreamProvider(MemberEventStream.ProviderName);
        return Task.WhenAll(events
            .GroupBy(e => StableBucket.Of(e.MemberId, partitions))
            .Select(partition => PublishPartition(provider, programId, partition.Key, [.. partition])));
    }

    private async Task<(ImmutableArray<MemberEvent> Events, bool Published)> PublishPartition(
        IStreamProvider provider, string programId, int partition, ImmutableArray<MemberEvent> events)
    {
        var stream = provider.GetStream<PartitionEventBatch>(MemberEventStream.For(programId, partition));
        var members = events
            .GroupBy(e => e.MemberId, StringComparer.Ordinal)
            .Select(member => new MemberEventBatch(member.Key, [.. member]));
        foreach (var item in Items(members))
        {
            var publishedAt = DateTimeOffset.UtcNow;
            var count = item.Sum(member => member.Events.Length);
            lag?.Publishing(count, publishedAt);
            try
            {
                await stream.OnNextAsync(new PartitionEventBatch(programId, item, publishedAt));
                lag?.Published(count, publishedAt);
            }
            catch (Exception e)
            {
                lag?.Withdrawn(count, publishedAt);
                logger.LogWarning(e, "Publishing {Count} events of partition {Partition} of {ProgramId} failed", count, partition, programId);
                return (events, false);
            }
        }

        return (events, true);
    }

    /// <summary>Stream items of whole members, each of at most <paramref name="eventsPerItem"/> events unless one member has more.</summary>
    private IEnumerable<ImmutableArray<MemberEventBatch>> Items(IEnumerable<MemberEventBatch> members)
    {
        var item = ImmutableArray.CreateBuilder<MemberEventBatch>();
        var count = 0;
        foreach (var member in members)
        {
            if (count > 0 && count + member.Events.Length > eventsPerItem)
            {
                yield return item.DrainToImmutable();
                count = 0;
            }

            item.Add(member);
            count += member.Events.Length;
        }

        if (item.Count > 0)
        {
            yield return item.DrainToImmutable();
        }
    }

    /// <summary>
    /// Index upkeep after publication. A failure costs only answer precision, never an event: unconfirmed claims
    /// expire and are then taken for fresh events again, which their members ignore.
    /// </summary>
    private async Task TryUpdateIndex(Func<Task> update, string what, int count)
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

    private ulong Key(MemberEvent e) => hasher.Hash(e.MemberId, e.EventId);
}

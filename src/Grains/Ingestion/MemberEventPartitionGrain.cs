using System.Collections.Immutable;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Events;
using Loyalty.Grains.Interfaces.Members;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Streams;
using Orleans.Streams.Core;
using Loyalty.Client.Telemetry;

namespace Loyalty.Grains.Ingestion;

/// <summary>
/// Consumes one member-events partition. Each delivery is handed to its members at once, one call per member with
/// all of that member's events in order; the delivery completes when every member has stored its effect, and only
/// then is the stream entry acknowledged. A member that fails fails the delivery, which the stream retries whole:
/// members ignore events they already applied. Deliveries of one partition never overlap, so a member's events are
/// applied in the order they were published. Placed beside the pulling agent that delivers to it.
/// </summary>
[ImplicitStreamSubscription(MemberEventStream.Namespace)]
[PreferLocalPlacement]
public sealed class MemberEventPartitionGrain(
    IOptions<PartitionDeliveryOptions> options, IOptions<Leaderboards.LeaderboardOptions> boards, IServiceProvider services)
    : Grain, IMemberEventPartitionGrain, IStreamSubscriptionObserver
{
    // Only where the publisher shares this process (embedded); elsewhere the stream itself tells the lag.
    private readonly IngestionLagTracker? lag = services.GetService<IngestionLagTracker>();

    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        handleFactory.Create<PartitionEventBatch>().ResumeAsync(OnBatch);

    private async Task OnBatch(IList<SequentialItem<PartitionEventBatch>> items)
    {
        var byMember = new Dictionary<string, ImmutableArray<MemberEvent>.Builder>(StringComparer.Ordinal);
        foreach (var member in items.SelectMany(item => item.Item.Members))
        {
            if (!byMember.TryGetValue(member.MemberId, out var events))
            {
                byMember[member.MemberId] = events = ImmutableArray.CreateBuilder<MemberEvent>(member.Events.Length);
            }

            events.AddRange(member.Events);
        }

        var programId = GrainKeys.SplitProgram(this.GetPrimaryKeyString()).ProgramId;
        await ApplyAll(options.Value.InFlight(boards.Value.StoreBeforeAcknowledge), byMember.Select(member => (Func<Task>)(() =>
            GrainFactory.GetGrain<IMemberGrain>(GrainKeys.Member(programId, member.Key)).ApplyEvents(member.Value.DrainToImmutable()))));
        RecordApplied(programId, items);
    }

    /// <summary>Answered to applied, per event: every member of the delivery has stored its effect now.</summary>
    private void RecordApplied(string programId, IList<SequentialItem<PartitionEventBatch>> items)
    {
        var now = DateTimeOffset.UtcNow;
        var program = LoyaltyMetrics.ProgramTag(programId);
        foreach (var item in items)
        {
            if (item.Item.PublishedAt is { } publishedAt)
            {
                var milliseconds = Math.Max(0, (now - publishedAt).TotalMilliseconds);
                var events = 0;
                foreach (var member in item.Item.Members)
                {
                    events += member.Events.Length;
                    for (var i = 0; i < member.Events.Length; i++)
                    {
                        LoyaltyMetrics.IngestionLatency.Record(milliseconds, program);
                    }
                }

                lag?.Applied(events, publishedAt);
            }
        }
    }

    /// <summary>Runs the member calls, at most <paramref name="inFlight"/> at a time; completes when all have, failing if any failed.</summary>
    private static async Task ApplyAll(int inFlight, IEnumerable<Func<Task>> calls)
    {
        using var slots = new SemaphoreSlim(inFlight);
        var started = new List<Task>();
        foreach (var call in calls)
        {
            await slots.WaitAsync();
            started.Add(ReleaseWhenDone(call(), slots));
        }

        await Task.WhenAll(started);

        static async Task ReleaseWhenDone(Task call, SemaphoreSlim slots)
        {
            try
            {
                await call;
            }
            finally
            {
                slots.Release();
            }
        }
    }
}

using System.Collections.Immutable;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Events;
using Loyalty.Grains.Interfaces.Members;
using Orleans.Placement;
using Orleans.Streams;
using Orleans.Streams.Core;

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
public sealed class MemberEventPartitionGrain : Grain, IMemberEventPartitionGrain, IStreamSubscriptionObserver
{
    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        handleFactory.Create<PartitionEventBatch>().ResumeAsync(OnBatch);

    private Task OnBatch(IList<SequentialItem<PartitionEventBatch>> items)
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
        return ApplyAll(byMember.Select(member => (Func<Task>)(() =>
            GrainFactory.GetGrain<IMemberGrain>(GrainKeys.Member(programId, member.Key)).ApplyEvents(member.Value.DrainToImmutable()))));
    }

    /// <summary>
    /// Runs the member calls with at most <see cref="MaxInFlight"/> at a time: enough to keep every core busy, few
    /// enough that ingestion requests are not queued behind thousands of member turns. Completes when all have,
    /// failing if any failed.
    /// </summary>
    private static async Task ApplyAll(IEnumerable<Func<Task>> calls)
    {
        var running = new List<Task>(MaxInFlight);
        var done = new List<Task>();
        foreach (var call in calls)
        {
            if (running.Count == MaxInFlight)
            {
                var finished = await Task.WhenAny(running);
                running.Remove(finished);
                done.Add(finished);
            }

            running.Add(call());
        }

        done.AddRange(running);
        await Task.WhenAll(done);
    }

    private const int MaxInFlight = 64;
}

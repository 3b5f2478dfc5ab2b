using System.Collections.Concurrent;
using Loyalty.Client.Ingestion;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Members;
using Loyalty.Tests.Shared;

namespace Loyalty.Grains.Tests;

/// <summary>
/// Where a stream bounds an item's size (Azure queues), a gateway sends a partition's events in several items of
/// whole members; every event still reaches its member once.
/// </summary>
public sealed class PublisherItemTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_partitions_events_travel_in_items_of_whole_members_at_most_the_bound_unless_one_member_has_more()
    {
        var scenario = await new Scenario(fixture.Client).Configure();
        var day = TestClock.UtcNow.AddDays(-1).ToString("O");
        var members = Enumerable.Range(0, 40).Select(i => $"m{i}").ToList();
        var events = members.SelectMany(m => new[] { Scenario.Purchase($"{m}-a", m, 1_000, day), Scenario.Purchase($"{m}-b", m, 500, day) })
            .Append(Scenario.Purchase("big-1", "big", 100, day)).Append(Scenario.Purchase("big-2", "big", 100, day))
            .Append(Scenario.Purchase("big-3", "big", 100, day)).Append(Scenario.Purchase("big-4", "big", 100, day)).ToArray();
        var counter = new ItemCounter();

        var outcome = await scenario.PublishInItems(3, counter, events);

        Assert.True(outcome.Complete);
        Assert.Equal(events.Length, counter.Items.Sum());
        Assert.All(counter.Items, count => Assert.InRange(count, 1, 4)); // one member of two (two would be four, past three), or "big" alone with four
        Assert.Contains(4, counter.Items);
        foreach (var member in members.Append("big"))
        {
            var grain = fixture.Client.GetGrain<IMemberGrain>(GrainKeys.Member(scenario.ProgramId, member));
            var spend = member == "big" ? 400 : 1_500;
            var view = await Polling.Eventually(() => grain.GetSnapshot(), s => s?.LifetimeSpendMinor == spend);
            Assert.Equal(spend, view!.LifetimeSpendMinor);
        }
    }

    private sealed class ItemCounter : IPublicationCounter
    {
        public ConcurrentBag<int> Items { get; } = [];

        public void Publishing(int events, DateTimeOffset publishedAt)
        {
        }

        public void Published(int events, DateTimeOffset publishedAt) => Items.Add(events);

        public void Withdrawn(int events, DateTimeOffset publishedAt)
        {
        }
    }
}

using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Members;

namespace Loyalty.Grains.Tests;

/// <summary>Events travel on a program's partitions; each member must still see its events in the order sent.</summary>
public sealed class PartitionDeliveryTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Each_members_events_are_applied_in_the_order_of_the_requests_that_sent_them_on_every_partition()
    {
        var scenario = await new Scenario(fixture.Client).Configure();
        var members = Enumerable.Range(0, 240).Select(i => $"m{i}").ToList(); // every partition gets members

        await scenario.Publish([.. members.Select(m => Scenario.Purchase($"{m}-p1", m, 10_000, "2025-03-01T10:00:00+01:00"))]);
        await scenario.Publish([.. members.Select(m => Scenario.Return($"{m}-r1", m, 4_000, "2025-03-02T10:00:00+01:00", $"{m}-p1"))]);
        await scenario.Publish([.. members.Select(m => Scenario.Purchase($"{m}-p2", m, 5_000, "2025-03-03T10:00:00+01:00"))]);

        foreach (var member in members)
        {
            var grain = fixture.Client.GetGrain<IMemberGrain>(GrainKeys.Member(scenario.ProgramId, member));
            var view = await Polling.Eventually(() => grain.GetSnapshot(), s => s?.Points.LifetimeEarned == 150);
            Assert.Equal(40, view!.Points.ClawedBack);
            var ledger = await grain.GetLedger(0, 100);
            var applied = ledger.Entries.OrderBy(line => line.Sequence).Select(line => line.EventId).OfType<string>().Distinct();
            Assert.Equal([$"{member}-p1", $"{member}-r1", $"{member}-p2"], applied);
        }
    }
}

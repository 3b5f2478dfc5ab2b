using System.Collections.Immutable;
using System.Diagnostics;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.DeadLetters;
using Loyalty.Grains.Interfaces.Events;
using Loyalty.Grains.Interfaces.Members;

namespace Loyalty.Grains.Tests;

/// <summary>
/// Poison that gets past the gateway (an older gateway, a producer writing to the stream) is parked by its member:
/// the good events beside it, of that member and of its partition, apply at once.
/// </summary>
public sealed class PoisonIsolationTests(ClusterFixture fixture)
{
    private static MemberEvent WithLine(MemberEvent e, long quantity, long unitPriceMinor) =>
        e with { Lines = [new EventLine("sku", "shoes", quantity, unitPriceMinor)] };

    [Fact]
    public async Task Poison_events_are_parked_and_the_good_events_beside_them_apply_within_a_second()
    {
        var scenario = await new Scenario(fixture.Client).Configure();
        var neighbours = Enumerable.Range(0, 24).Select(i => $"n{i}").ToList(); // members of every partition, "bad"'s included
        MemberEvent[] poison =
        [
            Scenario.Purchase("bad-year1", "bad", 1_000, "0001-01-01T00:00:00+00:00"),
            Scenario.Purchase("bad-huge", "bad", Bounds.MaxAmountMinor + 1, "2025-03-01T10:00:00+01:00"),
            WithLine(Scenario.Purchase("bad-lines", "bad", 2_000, "2025-03-01T10:00:00+01:00"), 1_000_000, 1_000_000_000_000),
        ];
        var good = neighbours.Select(m => Scenario.Purchase($"{m}-p1", m, 10_000, "2025-03-01T10:00:00+01:00"))
            .Append(Scenario.Purchase("bad-good", "bad", 5_000, "2025-03-02T10:00:00+01:00"));

        // The program's first delivery also starts its partitions and members: not what this test times.
        await scenario.Publish(Scenario.Purchase("warm-up", "w", 100, "2025-03-01T10:00:00+01:00"));
        await Polling.Eventually(() => fixture.Client.GetGrain<IMemberGrain>(GrainKeys.Member(scenario.ProgramId, "w")).GetSnapshot(), s => s is not null);

        var clock = Stopwatch.StartNew();
        await scenario.Publish([.. poison.Take(1), .. good, .. poison.Skip(1)]);
        await Task.WhenAll(neighbours.Select(m => (m, 100L)).Append(("bad", 50L)).Select(async expected =>
        {
            var grain = fixture.Client.GetGrain<IMemberGrain>(GrainKeys.Member(scenario.ProgramId, expected.Item1));
            var view = await Polling.Eventually(() => grain.GetSnapshot(), s => s?.Points.LifetimeEarned == expected.Item2);
            Assert.Equal(expected.Item2, view?.Points.LifetimeEarned);
        }));

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(1));

        // Nothing of the poison was applied, and all of it is parked with its reason.
        var bad = await fixture.Client.GetGrain<IMemberGrain>(GrainKeys.Member(scenario.ProgramId, "bad")).GetSnapshot();
        Assert.Equal(5_000, bad!.LifetimeSpendMinor);
        var letters = await fixture.Client.GetGrain<IDeadLetterGrain>(scenario.ProgramId).List(100, null);
        Assert.Equal(["bad-year1", "bad-huge", "bad-lines"], letters.Items.Select(l => l.Event.EventId));
        Assert.Contains("occurredAt", letters.Items[0].Reason, StringComparison.Ordinal);
        Assert.Contains("amountMinor", letters.Items[1].Reason, StringComparison.Ordinal);
        Assert.Contains("lines[0]", letters.Items[2].Reason, StringComparison.Ordinal);
        Assert.All(letters.Items, l => Assert.Equal(1, l.Attempts));
    }

    [Fact]
    public async Task Parking_an_event_again_counts_the_attempt_and_keeps_one_letter()
    {
        var letters = fixture.Client.GetGrain<IDeadLetterGrain>("p" + Guid.NewGuid().ToString("N")[..12]);
        var e = Scenario.Purchase("e1", "m", 100, "2025-03-01T10:00:00+01:00");
        var first = DateTimeOffset.Parse("2026-01-01T00:00:00Z");
        await letters.Park([new DeadLetter(e, "first", first, first, 1)]);
        await letters.Park([new DeadLetter(e, "second", first.AddHours(1), first.AddHours(1), 1)]);

        var held = Assert.Single((await letters.List(10, null)).Items);
        Assert.Equal(("second", first, first.AddHours(1), 2), (held.Reason, held.FirstParkedAt, held.LastParkedAt, held.Attempts));
        Assert.Equal(1, await letters.Remove(["e1", "unknown"]));
        Assert.Equal(0, (await letters.List(10, null)).Total);
    }
}

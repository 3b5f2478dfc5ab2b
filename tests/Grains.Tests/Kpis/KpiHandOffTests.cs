using System.Collections.Immutable;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Events;
using Loyalty.Grains.Interfaces.Kpis;
using Loyalty.Grains.Interfaces.Members;
using Loyalty.Grains.Kpis;
using Loyalty.Grains.Members;
using Loyalty.Client.Programs;

namespace Loyalty.Grains.Tests.Kpis;

/// <summary>Members hand their KPI changes to the program's slices exactly once, through redelivery, restarts and repeats.</summary>
public sealed class KpiHandOffTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Events_delivered_again_to_a_member_count_once_in_the_totals()
    {
        var scenario = await new Scenario(fixture.Client).Configure();
        var member = fixture.Client.GetGrain<IMemberGrain>(GrainKeys.Member(scenario.ProgramId, "ada"));
        ImmutableArray<MemberEvent> events =
        [
            Scenario.Purchase("p1", "ada", 40_000, "2025-01-10T10:00:00+01:00"),
            Scenario.Return("r1", "ada", 10_000, "2025-01-12T10:00:00+01:00", "p1"),
        ];

        await member.ApplyEvents(events);
        await member.ApplyEvents(events);
        await fixture.Cluster.DeactivateAsync(member);
        await member.ApplyEvents(events);

        var totals = await Totals(scenario);
        Assert.Equal((1L, 1L, 1L, 30_000L, 300L), (totals[KpiCount.Members], totals[KpiCount.Purchases], totals[KpiCount.Returns], totals[KpiCount.NetSpendMinor], totals[KpiCount.PointsOutstanding]));
    }

    [Fact]
    public async Task A_member_restarted_with_a_change_it_handed_already_hands_it_again_and_it_counts_once()
    {
        var scenario = await new Scenario(fixture.Client).Configure();
        var rules = ProgramRules.From((await fixture.Client.GetGrain<Interfaces.Programs.IProgramGrain>(scenario.ProgramId).GetConfiguration())!);
        var now = TestClock.UtcNow;

        // The member stored its change and handed it, then went away before its next write could forget it.
        var account = new MemberAccount("bo");
        account.Apply(new Purchase("p1", "bo", DateTimeOffset.Parse("2025-02-01T10:00:00+01:00"), 20_000, "EUR", [], null), rules.Config, now);
        account.AppliedUnder(rules.Version);
        var handed = account.Kpis.Close(account, rules.Config, now)!;
        await Slice(scenario, "bo").Apply([handed.ToData()]);
        var member = fixture.Client.GetGrain<IMemberGrain>(GrainKeys.Member(scenario.ProgramId, "bo"));
        await ClusterFixture.Seed("member", member.GetGrainId(), account);

        await member.ApplyEvents([Scenario.Purchase("p2", "bo", 5_000, "2025-02-02T10:00:00+01:00")]);

        var totals = await Totals(scenario);
        Assert.Equal((1L, 2L, 25_000L), (totals[KpiCount.Members], totals[KpiCount.Purchases], totals[KpiCount.NetSpendMinor]));
    }

    [Fact]
    public async Task A_slice_drops_a_repeated_change_and_any_change_older_than_the_ids_it_remembers()
    {
        var scenario = await new Scenario(fixture.Client).Configure();
        var slice = fixture.Client.GetGrain<IKpiSliceGrain>(GrainKeys.KpiSlice(scenario.ProgramId, 0));
        var start = TestClock.UtcNow;
        KpiChangeData Change(int member, TimeSpan after) => new(
            $"member{member}-1", start + after, null,
            new KpiContributionData("member", "f1m1", new DateOnly(2025, 3, 1), [1, 1, 0, 1, 0, 100, 100]), []);

        await slice.Apply([Change(0, TimeSpan.Zero)]);
        await slice.Apply([Change(0, TimeSpan.Zero)]);
        Assert.Equal(1, Members(await slice.Read()));

        // Enough newer changes that the first ids are forgotten: a change created before them is one handed already.
        await slice.Apply([.. Enumerable.Range(1, ClusterFixture.KpiRecentIdsKept).Select(i => Change(i, TimeSpan.FromMilliseconds(i)))]);
        await slice.Apply([Change(0, TimeSpan.Zero), Change(-1, TimeSpan.FromTicks(-1))]);
        Assert.Equal(1 + ClusterFixture.KpiRecentIdsKept, Members(await slice.Read()));

        await slice.Apply([Change(-2, TimeSpan.FromDays(1))]);
        Assert.Equal(2 + ClusterFixture.KpiRecentIdsKept, Members(await slice.Read()));
    }

    private static long Members(KpiSliceData slice) => slice.Tiers.Sum(t => t.Counts[(int)KpiCount.Members]);

    private IKpiSliceGrain Slice(Scenario scenario, string memberId) =>
        fixture.Client.GetGrain<IKpiSliceGrain>(GrainKeys.KpiSlice(scenario.ProgramId, StableBucket.Of(memberId, new KpiOptions().Slices)));

    private async Task<KpiCounts<KpiCount>> Totals(Scenario scenario) =>
        KpiCounts<KpiCount>.From((await fixture.Client.GetGrain<IProgramKpisGrain>(scenario.ProgramId).Totals()).Program.Counts);
}

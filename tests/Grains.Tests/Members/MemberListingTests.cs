using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Events;
using Loyalty.Grains.Interfaces.Members;

namespace Loyalty.Grains.Tests.Members;

/// <summary>Members keep their entry of the member directory current as their events are applied, exactly once.</summary>
public sealed class MemberListingTests(ClusterFixture fixture)
{
    // The middle of the month two months back: past the return window (points available), and a few days either side
    // stay in that local month, so the tier is judged on both purchases whatever the clock.
    private static readonly DateTimeOffset TwoMonthsAgo =
        new DateTimeOffset(TestClock.UtcNow.Year, TestClock.UtcNow.Month, 15, 12, 0, 0, TimeSpan.Zero).AddMonths(-2);

    private static DateTimeOffset Truncated(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());

    private Task<MemberSummaryPage> Page(Scenario scenario, string? tier = null) =>
        fixture.Client.GetGrain<IMemberListingGrain>(scenario.ProgramId).Page(new MemberListQuery(null, 100, tier, null));

    [Fact]
    public async Task Applied_events_list_the_member_with_tier_available_points_and_the_newest_event_time()
    {
        var scenario = await new Scenario(fixture.Client).Configure();
        var newest = TwoMonthsAgo.AddHours(5).AddTicks(12_345);
        await scenario.Publish(
            Scenario.Purchase("l1", "ada", 60_000, newest.ToString("O")),
            Scenario.Purchase("l2", "bo", 10_000, TwoMonthsAgo.ToString("O")),
            Scenario.Purchase("l3", "ada", 45_000, TwoMonthsAgo.AddDays(-3).ToString("O"))); // arrives last, occurred first

        var page = await Polling.Eventually(() => Page(scenario), p => p.Items.Length == 2 && p.Items[0].Available == 1_050);

        Assert.Equal(("ada", "silver", Truncated(newest)), (page.Items[0].MemberId, page.Items[0].Tier, page.Items[0].LastEventAt));
        Assert.Equal(("bo", "member", 100L, Truncated(TwoMonthsAgo)), (page.Items[1].MemberId, page.Items[1].Tier, page.Items[1].Available, page.Items[1].LastEventAt));
        Assert.Equal(["ada"], (await Page(scenario, tier: "silver")).Items.Select(m => m.MemberId));
    }

    [Fact]
    public async Task A_turn_stored_but_not_listed_is_listed_when_its_events_are_delivered_again()
    {
        var scenario = await new Scenario(fixture.Client).Configure();
        var member = fixture.Client.GetGrain<IMemberGrain>(GrainKeys.Member(scenario.ProgramId, "cy"));
        var purchase = Scenario.Purchase("c1", "cy", 7_000, TwoMonthsAgo.ToString("O"));

        ClusterFixture.Directory.Refuse(scenario.ProgramId);
        await Assert.ThrowsAnyAsync<Exception>(() => member.ApplyEvents([purchase]));
        ClusterFixture.Directory.Accept(scenario.ProgramId);
        Assert.Equal(70, (await member.GetSnapshot())!.Points.Available); // stored: the delivery failed after the write
        Assert.Empty((await Page(scenario)).Items);

        await fixture.Cluster.DeactivateAsync(member); // as if its silo died; the stream delivers the event again
        await member.ApplyEvents([purchase]);

        var listed = Assert.Single((await Page(scenario)).Items);
        Assert.Equal(new MemberSummary("cy", "member", 70, Truncated(TwoMonthsAgo), listed.Version), listed);
        Assert.True(listed.Version > 0);

        await member.ApplyEvents([purchase]); // and once more: still the same entry
        Assert.Equal(listed, Assert.Single((await Page(scenario)).Items));
    }
}

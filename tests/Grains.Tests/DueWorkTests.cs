using Loyalty.Domain;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Members;
using Loyalty.Grains.Interfaces.Rewards;
using Loyalty.Grains.Scheduling;
using Loyalty.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Loyalty.Grains.Tests;

/// <summary>
/// Members are woken by their slice's worker when time changes them: each keeps its next due time in the due-work
/// store, and none holds an Orleans reminder.
/// </summary>
public sealed class DueWorkTests(ClusterFixture fixture)
{
    private IDueWorkStore Store => fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IDueWorkStore>();

    private static int Slice(string memberId) => StableBucket.Of(memberId, new DueWorkOptions().Slices);

    [Fact]
    public async Task A_member_with_expiring_points_is_due_at_its_notice_or_expiry_holds_no_reminder_and_is_not_due_once_they_are_gone()
    {
        var scenario = await new Scenario(fixture.Client).Configure(Scenario.Configuration.Replace(
            "\"returnWindowDays\":30", "\"returnWindowDays\":0,\"expiryMonths\":1", StringComparison.Ordinal));
        var yesterday = TestClock.UtcNow.AddDays(-1);
        await scenario.Publish(Scenario.Purchase("x1", "eli", 10_000, yesterday.ToString("O")));
        var member = fixture.Client.GetGrain<IMemberGrain>(GrainKeys.Member(scenario.ProgramId, "eli"));
        var view = await Polling.Eventually(() => member.GetSnapshot(), s => s?.Points.Available == 100);
        Assert.Equal(100, view!.Points.Available);

        // By the product's rule: due at the "expiring soon" notice unless that is announced already (the notice falls
        // in the past on this date), then at the expiry itself.
        var config = new ProgramConfig { ExpiryMonths = 1 };
        var expiresAt = PointsExpiry.ExpiresAt(yesterday, config, TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome"))!.Value;
        var noticeAt = expiresAt.AddDays(-config.ExpiryWarningDays);
        Assert.Equal(view.Points.ExpiringSoon is not null, noticeAt <= TestClock.UtcNow);
        var expected = (view.Points.ExpiringSoon is null ? noticeAt : expiresAt).ToUnixTimeMilliseconds();
        var due = await Polling.Eventually(() => Store.Get(scenario.ProgramId, Slice("eli"), "eli"), d => d?.ToUnixTimeMilliseconds() == expected);
        Assert.Equal(expected, due?.ToUnixTimeMilliseconds());

        var reminders = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();
        Assert.Empty((await reminders.ReadRows(member.GetGrainId(), TestContext.Current.CancellationToken)).Reminders);

        // Spending every point leaves nothing to expire: nothing is due.
        await fixture.Client.GetGrain<IRewardGrain>(GrainKeys.Reward(scenario.ProgramId, "all-in"))
            .Configure(new RewardSnapshot("All in", 100, 1, null, null, null, 0));
        Assert.Equal(RedemptionStatus.Redeemed, (await member.Redeem("spend-all", "all-in")).Status);
        Assert.Null(await Store.Get(scenario.ProgramId, Slice("eli"), "eli"));
    }

    [Fact]
    public async Task A_member_nobody_touches_is_woken_when_its_points_mature_and_stores_them()
    {
        var scenario = await new Scenario(fixture.Client).Configure(Scenario.Configuration.Replace(
            "\"returnWindowDays\":30", "\"returnWindowDays\":1", StringComparison.Ordinal));
        var maturesAt = TestClock.UtcNow.AddSeconds(2);
        await scenario.Publish(Scenario.Purchase("m1", "mo", 10_000, maturesAt.AddDays(-1).ToString("O")));
        var member = fixture.Client.GetGrain<IMemberGrain>(GrainKeys.Member(scenario.ProgramId, "mo"));
        await Polling.Eventually(() => Task.FromResult(ClusterFixture.Writes.Writes(member.GetGrainId())), n => n == 1);
        // The due time is stored just after the state write: read it once it is there.
        var due = await Polling.Eventually(() => Store.Get(scenario.ProgramId, Slice("mo"), "mo"), d => d is not null);
        Assert.Equal(maturesAt.ToUnixTimeMilliseconds(), due?.ToUnixTimeMilliseconds());

        // Nothing reads the member: its worker wakes it once the lot matures, and the matured points are stored.
        var writes = await Polling.Eventually(() => Task.FromResult(ClusterFixture.Writes.Writes(member.GetGrainId())), n => n == 2);
        Assert.Equal(2, writes);
        Assert.Null(await Polling.Eventually(() => Store.Get(scenario.ProgramId, Slice("mo"), "mo"), d => d is null));
        Assert.True(TestClock.UtcNow >= maturesAt);
        var ledger = await member.GetLedger(0, 10);
        Assert.Contains(ledger.Entries, e => e.Kind == "matured");
    }
}

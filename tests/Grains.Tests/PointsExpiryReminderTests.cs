using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Members;
using Loyalty.Grains.Interfaces.Rewards;
using Microsoft.Extensions.DependencyInjection;
using Loyalty.Tests.Shared;
using Orleans.Runtime;

namespace Loyalty.Grains.Tests;

/// <summary>A member with expiring points keeps a reminder for its next expiry, so nobody needs to touch it.</summary>
public sealed class PointsExpiryReminderTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_member_with_expiring_points_has_a_reminder_at_its_next_expiry_and_none_once_they_are_gone()
    {
        var scenario = await new Scenario(fixture.Client).Configure(Scenario.Configuration.Replace(
            "\"returnWindowDays\":30", "\"returnWindowDays\":0,\"expiryMonths\":1", StringComparison.Ordinal));
        var yesterday = TestClock.UtcNow.AddDays(-1);
        await scenario.Publish(Scenario.Purchase("x1", "eli", 10_000, yesterday.ToString("O")));
        var member = fixture.Client.GetGrain<IMemberGrain>(GrainKeys.Member(scenario.ProgramId, "eli"));
        var view = await Scenario.Eventually(() => member.GetSnapshot(), s => s?.Points.Available == 100);
        Assert.Equal(100, view!.Points.Available);

        // By the product's rule: the reminder is due at the "expiring soon" notice unless that is announced already
        // (the notice falls in the past on this date), then at the expiry itself.
        var config = new Domain.ProgramConfig { ExpiryMonths = 1 };
        var expiresAt = Domain.PointsExpiry.ExpiresAt(yesterday, config, TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome"))!.Value;
        var noticeAt = expiresAt.AddDays(-config.ExpiryWarningDays);
        Assert.Equal(view.Points.ExpiringSoon is not null, noticeAt <= TestClock.UtcNow);
        var due = TestClock.ToSystemTime(view.Points.ExpiringSoon is null ? noticeAt : expiresAt);

        var reminders = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();
        var rows = await reminders.ReadRows(member.GetGrainId(), TestContext.Current.CancellationToken);
        var reminder = Assert.Single(rows.Reminders);
        Assert.Equal("points-expiry", reminder.ReminderName);
        Assert.InRange(reminder.StartAt, due.UtcDateTime.AddMinutes(-1), due.UtcDateTime.AddMinutes(1));

        // Spending every point leaves nothing to expire: the reminder goes.
        await fixture.Client.GetGrain<IRewardGrain>(GrainKeys.Reward(scenario.ProgramId, "all-in"))
            .Configure(new RewardSnapshot("All in", 100, 1, null, null, null, 0));
        Assert.Equal(RedemptionStatus.Redeemed, (await member.Redeem("spend-all", "all-in")).Status);
        Assert.Empty((await reminders.ReadRows(member.GetGrainId(), TestContext.Current.CancellationToken)).Reminders);
    }
}

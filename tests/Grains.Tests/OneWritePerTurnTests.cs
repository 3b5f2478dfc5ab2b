using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Members;
using Loyalty.Tests.Shared;

namespace Loyalty.Grains.Tests;

/// <summary>A member stores each turn in one write, whatever it owes other grains; reading it never writes.</summary>
public sealed class OneWritePerTurnTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_turn_with_a_tier_change_a_challenge_completion_and_a_notification_is_one_write_and_reads_write_nothing()
    {
        var scenario = await new Scenario(fixture.Client).Configure(Scenario.Configuration.Replace(
            "\"returnWindowDays\":30,",
            "\"returnWindowDays\":0,\"webhooks\":[{\"id\":\"crm\",\"url\":\"http://127.0.0.1:9/hook\",\"secret\":\"0123456789abcdef0123456789abcdef\"}],",
            StringComparison.Ordinal));
        var today = DateOnly.FromDateTime(TestClock.UtcNow.UtcDateTime);
        await fixture.Client.GetGrain<Interfaces.Programs.IProgramGrain>(scenario.ProgramId).ConfigureChallenge("first",
            $$"""{"name":"First","start":"{{today.AddDays(-1):yyyy-MM-dd}}","end":"{{today.AddDays(2):yyyy-MM-dd}}",""" + """
            "goal":{"kind":"purchases","target":1},"reward":{"points":10}}
            """);
        var member = fixture.Client.GetGrain<IMemberGrain>(GrainKeys.Member(scenario.ProgramId, "una"));

        await scenario.Publish(Scenario.Purchase("u1", "una", 150_000, TestClock.UtcNow.ToString("O")));
        var view = await Polling.Eventually(() => member.GetSnapshot(), s => s?.Challenges.FirstOrDefault()?.Position is not null);

        Assert.Equal(("silver", 1_500L + 10), (view!.Tier.Current, view.Points.LifetimeEarned));
        Assert.Equal(1, ClusterFixture.Writes.Writes(member.GetGrainId()));

        await member.GetSnapshot();
        await member.GetLedger(0, 10);
        Assert.Equal(1, ClusterFixture.Writes.Writes(member.GetGrainId()));
    }
}

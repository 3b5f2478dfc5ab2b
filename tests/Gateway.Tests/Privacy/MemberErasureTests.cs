using System.Net.Http.Json;

namespace Loyalty.Gateway.Tests.Privacy;

/// <summary>A member's copy of their data, and their erasure, in the embedded profile.</summary>
public sealed class MemberErasureTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    [Fact]
    public async Task An_erased_member_is_exported_whole_then_gone_everywhere_and_a_later_event_starts_a_new_member()
    {
        await using var receiver = await WebhookReceiver.Start(failurePercent: 100);
        var program = await Programs.Create(client, ErasureScenario.Configuration(receiver.Url));
        var code = await ErasureScenario.Prepare(client, program, TestClock.UtcNow);

        // The webhook refuses everything, so the notification of the completed challenge waits in the program's outbox.
        var export = await ErasureScenario.AssertExportIsWhole(client, program, code);
        foreach (var kept in new[] { "queued", "recent" })
        {
            Assert.Contains(export["notifications"]![kept]!.AsArray(), n => n!["kind"]!.GetValue<string>() == "challengeCompleted");
        }

        // Rita joins with the member's code; her qualifying purchase credits the member.
        using (var joined = await client.PostAsJsonAsync($"/v1/programs/{program}/members/rita/referrer", new { code }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, joined.StatusCode);
        }

        await client.PostEvents(program, Api.Purchase("r-1", "rita", 5_000, TestClock.UtcNow.ToString("O")));
        var credited = await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/{ErasureScenario.Erased}/export"),
            e => e?["referral"]?["creditedReferees"]?.AsArray().Count == 1);
        Assert.Equal("rita", credited!["referral"]!["creditedReferees"]![0]!.GetValue<string>());
        Assert.Equal(ErasureScenario.Erased, (await client.GetRequiredJson($"/v1/programs/{program}/members/rita/export"))["referral"]!["referredBy"]!.GetValue<string>());

        await ErasureScenario.EraseAndAssertGone(client, program, code);
        Assert.Null((await client.GetRequiredJson($"/v1/programs/{program}/members/rita/export"))["referral"]!["referredBy"]);
        var audit = await client.GetRequiredJson($"/v1/programs/{program}/audit");
        Assert.Equal(2, audit["items"]!.AsArray().Count(i => i!["path"]!.GetValue<string>() == $"/v1/programs/{program}/members/{ErasureScenario.Erased}"
            && i["action"]!.GetValue<string>().StartsWith("DELETE ", StringComparison.Ordinal)));

        // Once the webhook answers again, the kept member's notification arrives and the erased member's never does.
        receiver.FailurePercent = 0;
        await Polling.Eventually(() => Task.FromResult(receiver.Received.Count), count => count > 0, TimeSpan.FromSeconds(60));
        Assert.Contains(receiver.Received.Keys, id => id.StartsWith($"{program}/{ErasureScenario.Kept}/", StringComparison.Ordinal));
        Assert.DoesNotContain(receiver.Received.Keys, id => id.StartsWith($"{program}/{ErasureScenario.Erased}/", StringComparison.Ordinal));

        await ErasureScenario.AssertALaterEventStartsANewMember(client, program, TestClock.UtcNow);
    }

    [Fact]
    public async Task Erasing_a_member_never_seen_answers_204_and_exporting_one_answers_404()
    {
        var program = await Programs.Create(client);
        using var erased = await client.DeleteAsync($"/v1/programs/{program}/members/nobody", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, erased.StatusCode);
        await Problem.Assert(await client.GetAsync($"/v1/programs/{program}/members/nobody/export", TestContext.Current.CancellationToken), System.Net.HttpStatusCode.NotFound);
        Assert.Null(await client.GetJson($"/v1/programs/{program}/members/nobody"));
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Loyalty.Tests.Shared;

/// <summary>
/// A member who touched every part of a program (events, a completed challenge, a redemption, a referral code, board
/// places in several periods) is exported and then erased, beside a member who stays; run against each profile.
/// </summary>
public static class ErasureScenario
{
    public const string Erased = "erin";
    public const string Kept = "kurt";

    /// <summary>A program with referrals, a first-purchase badge and, when given, a webhook.</summary>
    public static string Configuration(string? webhookUrl = null) => $$"""
        {
          "name": "Erasure", "timeZone": "UTC", "currency": "GBP", "pointsPerUnit": 1, "returnWindowDays": 30,
          "tiers": [ { "name": "member", "qualifyingSpendMinor": 0 }, { "name": "silver", "qualifyingSpendMinor": 100000 } ],
          "referrals": { "referrerBonusPoints": 500, "refereeBonusPoints": 250, "minPurchaseMinor": 2000 },
          "badges": [ { "id": "welcome", "name": "Welcome", "kind": "firstPurchase" } ]
          {{(webhookUrl is null ? "" : $$""", "webhooks": [ { "id": "crm", "url": "{{webhookUrl}}", "secret": "whsec-0123456789abcdef" } ]""")}}
        }
        """;

    /// <summary>Sets the program up and brings both members in; answers the erased member's referral code.</summary>
    public static async Task<string> Prepare(HttpClient client, string program, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await Put(client, $"/v1/programs/{program}/challenges/spender", $$"""
            { "name": "Spend 100", "start": "{{today.AddDays(-1):yyyy-MM-dd}}", "end": "{{today.AddDays(2):yyyy-MM-dd}}",
              "goal": { "kind": "spend", "target": 10000 }, "reward": { "points": 25 } }
            """);
        await Put(client, $"/v1/programs/{program}/rewards/mug", """{ "name": "Mug", "costPoints": 50, "stock": 5 }""");
        var at = now.ToString("O", CultureInfo.InvariantCulture);
        var earlier = now.AddDays(-40).ToString("O", CultureInfo.InvariantCulture);
        await Post(client, $"/v1/programs/{program}/events", $$"""
            [ { "type": "purchase", "eventId": "e-1", "memberId": "{{Erased}}", "occurredAt": "{{earlier}}", "amountMinor": 3000, "currency": "GBP" },
              { "type": "purchase", "eventId": "e-2", "memberId": "{{Erased}}", "occurredAt": "{{at}}", "amountMinor": 12000, "currency": "GBP" },
              { "type": "purchase", "eventId": "k-1", "memberId": "{{Kept}}", "occurredAt": "{{at}}", "amountMinor": 5000, "currency": "GBP" } ]
            """);
        var erased = await Polling.Eventually(() => client.PollJson($"/v1/programs/{program}/members/{Erased}"),
            m => m?["challenges"]?.AsArray().Any(c => c?["position"] is not null) == true, TimeSpan.FromSeconds(60));
        Assert.NotNull(erased);
        await Polling.Eventually(() => client.PollJson($"/v1/programs/{program}/members/{Kept}"), m => m is not null, TimeSpan.FromSeconds(60));
        await Post(client, $"/v1/programs/{program}/members/{Erased}/redemptions", """{ "rewardId": "mug", "redemptionId": "erin-mug" }""");
        var code = (await Post(client, $"/v1/programs/{program}/members/{Erased}/referral-code", ""))["code"]!.GetValue<string>();

        // Board places are published just after the member's turn: wait until every board shows them.
        var standing = await Polling.Eventually(() => client.PollJson($"/v1/programs/{program}/leaderboards/points/members/{Erased}?period=all"),
            s => s is not null, TimeSpan.FromSeconds(30));
        Assert.NotNull(standing);
        return code;
    }

    /// <summary>The export holds every part of the member; answers it.</summary>
    public static async Task<JsonObject> AssertExportIsWhole(HttpClient client, string program, string code)
    {
        var export = await client.GetRequiredJson($"/v1/programs/{program}/members/{Erased}/export");
        Assert.Equal((program, Erased), (export["programId"]!.GetValue<string>(), export["memberId"]!.GetValue<string>()));
        Assert.Equal((150L + 25, 50L), (export.Long("member.points.lifetimeEarned"), export.Long("member.points.redeemed")));
        var ledgerEvents = export["ledger"]!.AsArray().Select(e => e!["eventId"]?.GetValue<string>()).ToList();
        Assert.Contains("e-1", ledgerEvents);
        Assert.Contains("e-2", ledgerEvents);
        Assert.Equal(code, export["referral"]!["code"]!.GetValue<string>());
        Assert.Equal("erin-mug", Assert.Single(export["redemptions"]!.AsArray())!["redemptionId"]!.GetValue<string>());
        var boards = export["boards"]!.AsArray().Select(b => (b!["board"]!.GetValue<string>(), b["period"]!.GetValue<string>())).ToList();
        Assert.Contains(("points", "all"), boards);
        Assert.Contains(("spend", "all"), boards);
        Assert.Contains(("challenge:spender", "all"), boards);
        Assert.True(boards.Count(b => b.Item1 == "points") >= 4, $"points boards of every kept period: {string.Join(", ", boards)}");
        Assert.Equal(Erased, Assert.Single(export["challengeCompletions"]!.AsArray())!["memberId"]!.GetValue<string>());
        Assert.Equal(Erased, export["state"]!["memberId"]!.GetValue<string>());
        return export;
    }

    /// <summary>Erases twice (both 204), then checks that nothing answers for the member and the kept member is whole.</summary>
    public static async Task EraseAndAssertGone(HttpClient client, string program, string code)
    {
        var keptBefore = await client.GetRequiredJson($"/v1/programs/{program}/members/{Kept}");
        for (var i = 0; i < 2; i++)
        {
            using var erased = await client.DeleteAsync($"/v1/programs/{program}/members/{Erased}", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        }

        foreach (var path in new[]
        {
            $"members/{Erased}", $"members/{Erased}/ledger", $"members/{Erased}/export", $"members/{Erased}/redemptions/erin-mug",
            $"leaderboards/points/members/{Erased}?period=all", $"leaderboards/spend/members/{Erased}?period=all",
            $"challenges/spender/leaderboard/members/{Erased}",
        })
        {
            using var response = await client.GetAsync($"/v1/programs/{program}/{path}", TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode} after erasure");
        }

        foreach (var board in new[] { "leaderboards/points?period=all&top=10", "leaderboards/purchases?period=all&top=10", "challenges/spender/leaderboard?top=10" })
        {
            var top = await client.GetRequiredJson($"/v1/programs/{program}/{board}");
            Assert.DoesNotContain(Erased, top.ToJsonString(), StringComparison.Ordinal);
        }

        // Counts stay, without the name: the challenge's place, the reward unit issued.
        var completions = await client.GetRequiredJson($"/v1/programs/{program}/challenges/spender/completions");
        Assert.Equal(1, completions.Long("total"));
        Assert.Null(Assert.Single(completions["items"]!.AsArray())!["memberId"]);
        Assert.Equal(4, (await client.GetRequiredJson($"/v1/programs/{program}/rewards/mug")).Long("remaining"));

        using var join = await client.PostAsJsonAsync($"/v1/programs/{program}/members/newcomer/referrer", new { code }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, join.StatusCode); // the code no longer names anyone
        Assert.Equal(keptBefore.ToJsonString(), (await client.GetRequiredJson($"/v1/programs/{program}/members/{Kept}")).ToJsonString());
    }

    /// <summary>A later event for the same id starts a new member, with nothing of the old one.</summary>
    public static async Task AssertALaterEventStartsANewMember(HttpClient client, string program, DateTimeOffset now)
    {
        await Post(client, $"/v1/programs/{program}/events", $$"""
            [ { "type": "purchase", "eventId": "e-3", "memberId": "{{Erased}}", "occurredAt": "{{now:O}}", "amountMinor": 1000, "currency": "GBP" } ]
            """);
        var member = await Polling.Eventually(() => client.PollJson($"/v1/programs/{program}/members/{Erased}"), m => m is not null, TimeSpan.FromSeconds(60));
        Assert.Equal((10L, 1000L), (member.Long("points.lifetimeEarned"), member.Long("lifetimeSpendMinor")));
        var ledger = await client.ReadLedger(program, Erased);
        Assert.Equal(10, Assert.Single(ledger).Points);
        var standing = await Polling.Eventually(() => client.PollJson($"/v1/programs/{program}/leaderboards/points/members/{Erased}?period=all"),
            s => s?.Long("score") == 10, TimeSpan.FromSeconds(30));
        Assert.Equal(10, standing.Long("score"));
    }

    private static async Task Put(HttpClient client, string path, string json)
    {
        using var response = await client.PutAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
    }

    private static async Task<JsonObject> Post(HttpClient client, string path, string json)
    {
        using var content = json.Length == 0 ? null : new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(path, content, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body.Length == 0 ? "{}" : body)!.AsObject();
    }
}

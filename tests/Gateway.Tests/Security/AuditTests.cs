using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Loyalty.Gateway.Tests.Security;

/// <summary>Every admin action that succeeded is on record, with who did it and what it changed, secrets masked.</summary>
public sealed class AuditTests(GatewayFixture gateway)
{
    private readonly HttpClient operatorClient = gateway.CreateClient();

    [Fact]
    public async Task Admin_actions_are_recorded_newest_first_with_their_key_and_change_and_reads_and_refusals_are_not()
    {
        var program = await Programs.Create(operatorClient);
        var created = await Keys.Create(operatorClient, program, "admin", "back office");
        var admin = Keys.ClientWith(gateway, created["key"]!.GetValue<string>());
        var withWebhook = Programs.Configuration.Replace(
            "\"currency\": \"GBP\",", "\"currency\": \"GBP\", \"webhooks\": [ { \"id\": \"crm\", \"url\": \"http://127.0.0.1:9/hook\", \"secret\": \"very-secret-value\" } ],");

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/v1/programs/{program}", Json(withWebhook), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/v1/programs/{program}", TestContext.Current.CancellationToken)).StatusCode);
        await Problem.Assert(await admin.PutAsync($"/v1/programs/{program}", Json("{}"), TestContext.Current.CancellationToken), HttpStatusCode.BadRequest);
        var reward = await admin.PutAsync($"/v1/programs/{program}/rewards/mug",
            Json("""{"name":"Mug","costPoints":100,"stock":5}"""), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, reward.StatusCode);

        var log = await admin.GetRequiredJson($"/v1/programs/{program}/audit");
        var items = log["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.Equal(
            [$"PUT /v1/programs/{program}/rewards/mug", $"PUT /v1/programs/{program}", $"POST /v1/programs/{program}/keys", $"PUT /v1/programs/{program}"],
            items.Select(i => $"{i["action"]!.GetValue<string>().Split(' ')[0]} {i["path"]!.GetValue<string>()}"));
        Assert.Equal([created["id"]!.GetValue<string>(), created["id"]!.GetValue<string>(), "operator", "operator"], items.Select(i => i["actor"]!.GetValue<string>()));
        Assert.True(items.Zip(items.Skip(1)).All(p => p.First.Long("sequence") > p.Second.Long("sequence")), "newest first");
        var configured = items[1]["change"]!.GetValue<string>();
        Assert.Contains("\"url\":\"http://127.0.0.1:9/hook\"", configured, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret-value", log.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("\"name\":\"back office\"", items[2]["change"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_log_pages_back_from_the_newest_and_refuses_a_bad_page()
    {
        var program = await Programs.Create(operatorClient);
        for (var i = 0; i < 5; i++)
        {
            await Keys.Create(operatorClient, program, "app", $"key {i}");
        }

        var first = await operatorClient.GetRequiredJson($"/v1/programs/{program}/audit?limit=4");
        var rest = await operatorClient.GetRequiredJson($"/v1/programs/{program}/audit?limit=4&before={first.Long("next")}");

        var sequences = first["items"]!.AsArray().Concat(rest["items"]!.AsArray()).Select(i => i!.Long("sequence")).ToList();
        Assert.Equal([6, 5, 4, 3, 2, 1], sequences); // the program's creation, then five keys
        Assert.Null(rest["next"]);
        await Problem.Assert(await operatorClient.GetAsync($"/v1/programs/{program}/audit?limit=0", TestContext.Current.CancellationToken), HttpStatusCode.BadRequest, "limit");
        await Problem.Assert(await operatorClient.GetAsync($"/v1/programs/{program}/audit?before=0", TestContext.Current.CancellationToken), HttpStatusCode.BadRequest, "before");
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Loyalty.Gateway.Tests;

public sealed class ProgramConfigurationTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    [Fact]
    public async Task The_demo_program_is_ready_at_start()
    {
        var demo = await Polling.Eventually(() => client.GetJson("/v1/programs/demo"), c => c is not null);
        Assert.NotNull(demo);
        Assert.Equal("GBP", demo["currency"]!.GetValue<string>());
        Assert.Equal(30, demo["returnWindowDays"]!.GetValue<int>());
        Assert.Equal(["member", "silver", "gold"], demo["tiers"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_stored_configuration_reads_back_with_its_version()
    {
        var program = await Programs.Create(client);
        var response = await client.GetAsync($"/v1/programs/{program}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var config = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        Assert.Equal("Test store", config!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_invalid_configuration_is_refused_naming_the_field_and_the_old_version_stays()
    {
        var program = await Programs.Create(client);
        var invalid = JsonNode.Parse(Programs.Configuration)!.AsObject();
        invalid["tiers"]![1]!["qualifyingSpendMinor"] = -5;

        var response = await client.PutAsync($"/v1/programs/{program}", Api.Json(invalid.ToJsonString()), TestContext.Current.CancellationToken);

        await Problem.Assert(response, HttpStatusCode.BadRequest, "tiers[1].qualifyingSpendMinor");
        var current = await client.GetAsync($"/v1/programs/{program}", TestContext.Current.CancellationToken);
        Assert.Equal("\"1\"", current.Headers.ETag?.Tag);
    }

    [Theory]
    [InlineData("""{"name":"x","timeZone":"Mars/Olympus","currency":"GBP","tiers":[{"name":"m","qualifyingSpendMinor":0}]}""", "timeZone")]
    [InlineData("""{"name":"x","timeZone":"Europe","currency":"GBP","tiers":[{"name":"m","qualifyingSpendMinor":0}]}""", "timeZone")]
    [InlineData("""{"name":"x","currency":"GBP","tiers":[{"name":"m","qualifyingSpendMinor":0}],"pointsPerUnit":"many"}""", "pointsPerUnit")]
    [InlineData("""{"name":"x","currency":"GBP","tiers":[{"name":"m","qualifyingSpendMinor":0}],"colour":"red"}""", "colour")]
    public async Task Configuration_errors_name_the_field(string json, string field)
    {
        var response = await client.PutAsync($"/v1/programs/{Api.Unique("p")}", Api.Json(json), TestContext.Current.CancellationToken);
        await Problem.Assert(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_conditional_update_with_a_stale_version_is_refused()
    {
        var program = await Programs.Create(client);
        var first = new HttpRequestMessage(HttpMethod.Put, $"/v1/programs/{program}") { Content = Api.Json(Programs.Configuration) };
        first.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(first, TestContext.Current.CancellationToken)).StatusCode);

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/v1/programs/{program}") { Content = Api.Json(Programs.Configuration) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        await Problem.Assert(await client.SendAsync(stale, TestContext.Current.CancellationToken), HttpStatusCode.PreconditionFailed);
    }

    [Theory]
    [InlineData("/v1/programs/never-configured")]
    [InlineData("/v1/programs/never-configured/members/alice")]
    [InlineData("/v1/programs/never-configured/members/alice/ledger")]
    [InlineData("/v1/programs/never-configured/leaderboards/points")]
    [InlineData("/v1/programs/never-configured/leaderboards/points/members/alice")]
    public async Task Every_route_of_an_unconfigured_program_is_not_found(string path)
    {
        await Problem.Assert(await client.GetAsync(path, TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Loyalty.Gateway.Tests.Security;

/// <summary>A program's admins make, list and revoke keys; a key works only as its role, program and lifetime say.</summary>
public sealed class KeyTests(GatewayFixture gateway)
{
    private readonly HttpClient operatorClient = gateway.CreateClient();

    [Fact]
    public async Task A_key_is_shown_once_listed_without_its_secret_with_its_last_use_and_refused_within_a_second_of_revocation()
    {
        var program = await Programs.Create(operatorClient);
        var created = await Keys.Create(operatorClient, program, "app", "shop app");
        var key = created["key"]!.GetValue<string>();
        var app = Keys.ClientWith(gateway, key);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync($"/v1/programs/{program}/rewards", TestContext.Current.CancellationToken)).StatusCode);

        var listed = await Polling.Eventually(
            () => operatorClient.GetRequiredJson($"/v1/programs/{program}/keys"),
            list => list["items"]![0]!["lastUsedAt"] is not null, TimeSpan.FromSeconds(15));
        var item = listed["items"]!.AsArray().Single()!.AsObject();
        Assert.Equal((created["id"]!.GetValue<string>(), "shop app", "app"), (item["id"]!.GetValue<string>(), item["name"]!.GetValue<string>(), item["role"]!.GetValue<string>()));
        Assert.DoesNotContain(key, listed.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(item["key"]);

        var revoked = await operatorClient.DeleteAsync($"/v1/programs/{program}/keys/{created["id"]}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        var revokedAt = DateTime.UtcNow;
        var refused = await Polling.Eventually(
            async () => (await app.GetAsync($"/v1/programs/{program}/rewards", TestContext.Current.CancellationToken)).StatusCode,
            status => status == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.Unauthorized, refused);
        Assert.True(DateTime.UtcNow - revokedAt < TimeSpan.FromSeconds(1.5), "refused within a second of revocation");
        await Problem.Assert(await operatorClient.DeleteAsync($"/v1/programs/{program}/keys/{created["id"]}", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task No_credential_or_an_unknown_key_answers_401_problem_json_naming_the_scheme()
    {
        var program = await Programs.Create(operatorClient);
        foreach (var credential in new string?[] { null, "lk_bm9wZQ.abc.def", "not-a-key", "eyJhbGciOiJIUzI1NiJ9.e30.c2ln" })
        {
            var response = await Keys.ClientWith(gateway, credential).GetAsync($"/v1/programs/{program}/members/ann", TestContext.Current.CancellationToken);
            await Problem.Assert(response, HttpStatusCode.Unauthorized);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }
    }

    [Fact]
    public async Task An_expired_key_is_refused()
    {
        var program = await Programs.Create(operatorClient);
        var key = await Keys.Create(operatorClient, program, "producer", expiresAt: TestClock.UtcNow.AddSeconds(2));
        var producer = Keys.ClientWith(gateway, key["key"]!.GetValue<string>());
        Assert.Equal(1, (await producer.PostEvents(program, Api.Purchase("e1", "ann", 1_000))).Long("accepted"));

        var status = await Polling.Eventually(
            async () => (await producer.PostAsJsonAsync($"/v1/programs/{program}/events", new { events = Array.Empty<object>() }, TestContext.Current.CancellationToken)).StatusCode,
            s => s == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Theory]
    [InlineData("""{"role":"app"}""", "name")]
    [InlineData("""{"name":" ","role":"app"}""", "name")]
    [InlineData("""{"name":"k"}""", "role")]
    [InlineData("""{"name":"k","role":"root"}""", "role")]
    [InlineData("""{"name":"k","role":"app","expiresAt":"2001-01-01T00:00:00Z"}""", "expiresAt")]
    [InlineData("""{"name":"k","role":"app","expiresAt":"soon"}""", "expiresAt")]
    public async Task A_bad_key_request_is_refused_naming_the_field(string body, string field)
    {
        var program = await Programs.Create(operatorClient);
        var response = await operatorClient.PostAsync($"/v1/programs/{program}/keys",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        await Problem.Assert(response, HttpStatusCode.BadRequest, field);
        Assert.Empty((await operatorClient.GetRequiredJson($"/v1/programs/{program}/keys"))["items"]!.AsArray());
    }

    [Fact]
    public async Task Only_the_operator_creates_programs_and_reads_metrics()
    {
        var program = await Programs.Create(operatorClient);
        var admin = await Keys.ClientOf(gateway, operatorClient, program, "admin");

        var created = await admin.PutAsync($"/v1/programs/{Api.Unique("p")}",
            new StringContent(Programs.Configuration, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        await Problem.Assert(created, HttpStatusCode.Forbidden);
        var updated = await admin.PutAsync($"/v1/programs/{program}",
            new StringContent(Programs.Configuration, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        await Problem.Assert(await admin.GetAsync("/metrics", TestContext.Current.CancellationToken), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("/metrics", TestContext.Current.CancellationToken)).StatusCode);
    }
}

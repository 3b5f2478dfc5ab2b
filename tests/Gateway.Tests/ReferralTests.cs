using System.Net;
using System.Net.Http.Json;

namespace Loyalty.Gateway.Tests;

/// <summary>Invite with a code; both members are rewarded once at the referee's first qualifying purchase.</summary>
public sealed class ReferralTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    private static readonly string Referring = Programs.Configuration.Replace(
        "\"returnWindowDays\": 30,",
        "\"returnWindowDays\": 30, \"referrals\": { \"referrerBonusPoints\": 500, \"refereeBonusPoints\": 250, \"minPurchaseMinor\": 2000 },",
        StringComparison.Ordinal);

    [Fact]
    public async Task A_referred_members_first_qualifying_purchase_rewards_both_once()
    {
        var (program, code) = await ProgramWithAnnInviting();
        Assert.Equal(code, await Code(program, "ann"));

        Assert.Equal(HttpStatusCode.OK, (await Join(program, "bea", code)).StatusCode);
        await client.PostEvents(program, Api.Purchase("b1", "bea", 5_000), Api.Purchase("b2", "bea", 7_000));

        var ann = await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/ann"), m => m?.Long("points.lifetimeEarned") == 510);
        var bea = await client.GetJson($"/v1/programs/{program}/members/bea");
        Assert.Equal(510, ann.Long("points.lifetimeEarned"));
        Assert.Equal(250 + 50 + 70, bea.Long("points.lifetimeEarned"));
        Assert.Equal(500, (await client.ReadLedger(program, "ann")).Single(e => e.Kind == "bonus").Points);
    }

    [Fact]
    public async Task Self_referral_loops_and_unknown_codes_are_refused_with_a_clear_error()
    {
        var (program, annCode) = await ProgramWithAnnInviting();

        await Problem.Assert(await Join(program, "ann", annCode), HttpStatusCode.Conflict, null);
        Assert.Equal(HttpStatusCode.OK, (await Join(program, "cal", annCode)).StatusCode); // cal joins ann...
        var calCode = await Code(program, "cal");
        Assert.Equal(HttpStatusCode.Conflict, (await Join(program, "ann", calCode)).StatusCode); // ...so ann cannot join cal (and is a customer)
        Assert.Equal(HttpStatusCode.OK, (await Join(program, "dot", calCode)).StatusCode);
        var dotCode = await Code(program, "dot");
        var loop = await Join(program, "cal", dotCode);
        Assert.Equal(HttpStatusCode.Conflict, loop.StatusCode);
        await Problem.Assert(await Join(program, "eli", "ZZZZZZZZ"), HttpStatusCode.BadRequest, "code");
        await Problem.Assert(await Join(program, "eli", "short"), HttpStatusCode.BadRequest, "code");
    }

    [Fact]
    public async Task No_code_is_issued_while_the_program_has_referrals_off()
    {
        var program = await Programs.Create(client);
        await client.PostEvents(program, Api.Purchase("a1", "ann", 1_000));
        await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/ann"), m => m is not null);

        var refused = await client.PostAsync($"/v1/programs/{program}/members/ann/referral-code", null, TestContext.Current.CancellationToken);
        var problem = await Problem.Assert(refused, HttpStatusCode.Conflict);
        Assert.Equal("Referrals disabled", problem["title"]!.GetValue<string>());

        // Switched on, the same member gets a code.
        var on = await client.PutAsync($"/v1/programs/{program}", new StringContent(Referring, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        Assert.Equal(8, (await Code(program, "ann")).Length);
    }

    /// <summary>A referral programme in which ann, a customer, has her invitation code.</summary>
    private async Task<(string Program, string AnnCode)> ProgramWithAnnInviting()
    {
        var program = await Programs.Create(client, Referring);
        await client.PostEvents(program, Api.Purchase("a1", "ann", 1_000));
        await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/ann"), m => m is not null);
        return (program, await Code(program, "ann"));
    }

    private async Task<string> Code(string program, string member)
    {
        var response = await client.PostAsync($"/v1/programs/{program}/members/{member}/referral-code", null, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(TestContext.Current.CancellationToken))!["code"]!.GetValue<string>();
    }

    private Task<HttpResponseMessage> Join(string program, string member, string code) =>
        client.PostAsJsonAsync($"/v1/programs/{program}/members/{member}/referrer", new { code }, TestContext.Current.CancellationToken);
}

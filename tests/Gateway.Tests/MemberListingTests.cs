using System.Net;
using System.Text.Json.Nodes;
using Loyalty.Gateway.Tests.Security;

namespace Loyalty.Gateway.Tests;

/// <summary>An admin pages through every member of the program, in order of id, narrowed by tier and id prefix.</summary>
public sealed class MemberListingTests(GatewayFixture gateway)
{
    private readonly HttpClient operatorClient = gateway.CreateClient();

    private static string DaysAgo(int days) => TestClock.UtcNow.AddDays(-days).ToString("yyyy-MM-ddTHH:mm:ss.fffZ");

    private static List<string> Ids(JsonObject page) => [.. page["items"]!.AsArray().Select(m => m!["memberId"]!.GetValue<string>())];

    [Fact]
    public async Task Pages_follow_the_cursor_through_every_member_and_filters_narrow_them()
    {
        var program = await Programs.Create(operatorClient);
        var admin = await Keys.ClientOf(gateway, operatorClient, program, "admin");
        var newest = DaysAgo(40);
        await operatorClient.PostEvents(program,
            Api.Purchase("e1", "carol", 150_000, DaysAgo(45)), Api.Purchase("e2", "carol", 1_000, newest),
            Api.Purchase("e3", "ann", 2_000, DaysAgo(50)), Api.Purchase("e4", "anna", 3_000, DaysAgo(50)),
            Api.Purchase("e5", "bob", 4_000, DaysAgo(50)), Api.Return("e6", "bob", 4_000, "e5", DaysAgo(49)));
        var all = await Polling.Eventually(() => admin.GetRequiredJson($"/v1/programs/{program}/members"),
            page => Ids(page).Count == 4 && page["items"]![3]!.Long("available") == 1_510);

        Assert.Equal(["ann", "anna", "bob", "carol"], Ids(all));
        Assert.Null(all["next"]);
        var carol = all["items"]![3]!.AsObject();
        Assert.Equal(("silver", DateTimeOffset.Parse(newest)), (carol["tier"]!.GetValue<string>(), carol["lastEventAt"]!.GetValue<DateTimeOffset>()));
        Assert.Equal(0, all["items"]![2]!.Long("available")); // bob's purchase was returned

        var first = await admin.GetRequiredJson($"/v1/programs/{program}/members?limit=3");
        var second = await admin.GetRequiredJson($"/v1/programs/{program}/members?limit=3&cursor={first["next"]!.GetValue<string>()}");
        Assert.Equal(["ann", "anna", "bob"], Ids(first));
        Assert.Equal(["carol"], Ids(second));
        Assert.Null(second["next"]);

        Assert.Equal(["carol"], Ids(await admin.GetRequiredJson($"/v1/programs/{program}/members?tier=silver")));
        Assert.Equal(["ann", "anna"], Ids(await admin.GetRequiredJson($"/v1/programs/{program}/members?prefix=an")));
        var narrowed = await admin.GetRequiredJson($"/v1/programs/{program}/members?tier=member&prefix=an&limit=1");
        Assert.Equal(["ann"], Ids(narrowed));
        Assert.Equal(["anna"], Ids(await admin.GetRequiredJson(
            $"/v1/programs/{program}/members?tier=member&prefix=an&limit=1&cursor={narrowed["next"]!.GetValue<string>()}")));
        Assert.Empty(Ids(await admin.GetRequiredJson($"/v1/programs/{program}/members?tier=gold")));
    }

    [Fact]
    public async Task An_erased_member_leaves_the_listing_and_a_later_event_lists_a_new_member()
    {
        var program = await Programs.Create(operatorClient);
        await operatorClient.PostEvents(program, Api.Purchase("x1", "dora", 5_000, DaysAgo(40)), Api.Purchase("x2", "eve", 6_000, DaysAgo(40)));
        await Polling.Eventually(() => operatorClient.GetRequiredJson($"/v1/programs/{program}/members"), page => Ids(page).Count == 2);

        Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.DeleteAsync($"/v1/programs/{program}/members/dora", TestContext.Current.CancellationToken)).StatusCode);

        Assert.Equal(["eve"], Ids(await operatorClient.GetRequiredJson($"/v1/programs/{program}/members")));
        await operatorClient.PostEvents(program, Api.Purchase("x3", "dora", 1_000, DaysAgo(35)));
        var again = await Polling.Eventually(() => operatorClient.GetRequiredJson($"/v1/programs/{program}/members?prefix=dora"), page => Ids(page).Count == 1);
        Assert.Equal(10, again["items"]![0]!.Long("available")); // a new member: nothing of the erased one
    }

    [Fact]
    public async Task A_bad_limit_cursor_tier_or_prefix_is_refused_naming_it_and_an_app_key_may_not_list()
    {
        var program = await Programs.Create(operatorClient);
        var app = await Keys.ClientOf(gateway, operatorClient, program, "app");

        foreach (var (query, field) in new[]
        {
            ("limit=0", "limit"), ("limit=501", "limit"), ("limit=x", "limit"), ("cursor=not%20a%20cursor", "cursor"),
            ("cursor=Li4vdmljdGlt", "cursor"), ("tier=platinum", "tier"), ("tier=", "tier"), ("prefix=a%2Fb", "prefix"), ("prefix=-a", "prefix"),
        })
        {
            await Problem.Assert(await operatorClient.GetAsync($"/v1/programs/{program}/members?{query}", TestContext.Current.CancellationToken), HttpStatusCode.BadRequest, field);
        }

        await Problem.Assert(await app.GetAsync($"/v1/programs/{program}/members", TestContext.Current.CancellationToken), HttpStatusCode.Forbidden);
        await Problem.Assert(await operatorClient.GetAsync("/v1/programs/never-configured/members", TestContext.Current.CancellationToken), HttpStatusCode.NotFound);
    }
}

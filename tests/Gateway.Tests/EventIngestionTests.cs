using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Loyalty.Gateway.Tests;

public sealed class EventIngestionTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    [Fact]
    public async Task Accepted_purchase_shows_in_the_member_view_soon_after_the_answer()
    {
        var program = await Programs.Create(client);
        var answer = await client.PostEvents(program, Api.Purchase("e1", "alice", 12_345));

        Assert.Equal(1, answer.Long("accepted"));
        var member = await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/alice"), m => m is not null);
        Assert.NotNull(member);
        Assert.Equal(123, member.Long("points.available") + member.Long("points.pending"));
        Assert.Equal(123, member.Long("points.lifetimeEarned"));
        Assert.Equal(12_345, member.Long("lifetimeSpendMinor"));
        Assert.Equal("member", member["tier"]!["current"]!.GetValue<string>());
        Assert.Equal("silver", member["tier"]!["next"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_purchase_inside_the_return_window_is_pending()
    {
        var program = await Programs.Create(client);
        var now = TestClock.UtcNow.ToString("O");
        await client.PostEvents(program, Api.Purchase("e1", "bob", 5_000, now));

        var member = await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/bob"), m => m is not null);
        Assert.Equal(50, member.Long("points.pending"));
        Assert.Equal(0, member.Long("points.available"));
    }

    [Fact]
    public async Task Resending_a_batch_answers_duplicates_and_changes_nothing()
    {
        var program = await Programs.Create(client);
        JsonNode[] batch = [Api.Purchase("d1", "carol", 1_000), Api.Purchase("d2", "carol", 2_000)];
        await client.PostEvents(program, batch);
        await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/carol"), m => m?.Long("points.lifetimeEarned") == 30);

        var again = await client.PostEvents(program, [.. batch.Select(e => e.DeepClone())]);

        Assert.Equal(0, again.Long("accepted"));
        Assert.Equal(2, again.Long("duplicates"));
        Assert.All(again["results"]!.AsArray(), r => Assert.Equal("duplicate", r!["status"]!.GetValue<string>()));
        var member = await client.GetJson($"/v1/programs/{program}/members/carol");
        Assert.Equal(30, member.Long("points.lifetimeEarned"));
        Assert.Equal(3_000, member.Long("lifetimeSpendMinor"));
    }

    [Fact]
    public async Task A_repeated_event_id_within_one_batch_is_a_duplicate()
    {
        var program = await Programs.Create(client);
        var answer = await client.PostEvents(program, Api.Purchase("same", "dan", 1_000), Api.Purchase("same", "dan", 9_000));

        Assert.Equal(1, answer.Long("accepted"));
        Assert.Equal(1, answer.Long("duplicates"));
        var member = await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/dan"), m => m is not null);
        Assert.Equal(1_000, member.Long("lifetimeSpendMinor"));
    }

    [Fact]
    public async Task Bad_items_are_rejected_with_the_field_named_and_their_neighbours_accepted()
    {
        var program = await Programs.Create(client);
        var noOffset = Api.Purchase("bad-time", "erin", 100);
        noOffset["occurredAt"] = "2026-03-10T12:00:00";
        var decimalAmount = Api.Purchase("bad-amount", "erin", 100);
        decimalAmount["amountMinor"] = 12.5;
        var wrongCurrency = Api.Purchase("bad-currency", "erin", 100);
        wrongCurrency["currency"] = "USD";
        var unknownType = Api.Purchase("bad-type", "erin", 100);
        unknownType["type"] = "refund";
        var badLine = Api.Purchase("bad-line", "erin", 100);
        badLine["lines"] = new JsonArray(new JsonObject { ["sku"] = "A", ["quantity"] = 0, ["unitPriceMinor"] = 100 });
        var badMember = Api.Purchase("bad-member", "erin/../x", 100);

        var answer = await client.PostEvents(program,
            Api.Purchase("ok-1", "erin", 1_000), noOffset, decimalAmount, wrongCurrency, unknownType, badLine, badMember,
            Api.Purchase("ok-2", "erin", 2_000));

        Assert.Equal(2, answer.Long("accepted"));
        Assert.Equal(6, answer.Long("rejected"));
        var results = answer["results"]!.AsArray();
        Assert.Equal(8, results.Count);
        Assert.Equal(["accepted", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected", "accepted"],
            results.Select(r => r!["status"]!.GetValue<string>()));
        Assert.Equal(["[1].occurredAt", "[2].amountMinor", "[3].currency", "[4].type", "[5].lines[0].quantity", "[6].memberId"],
            results.Skip(1).Take(6).Select(r => r!["field"]!.GetValue<string>()));
        Assert.All(results.Skip(1).Take(6), r => Assert.False(string.IsNullOrWhiteSpace(r!["error"]!.GetValue<string>())));
        Assert.Equal("bad-amount", results[2]!["eventId"]!.GetValue<string>());

        var member = await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/erin"), m => m?.Long("lifetimeSpendMinor") == 3_000);
        Assert.Equal(3_000, member.Long("lifetimeSpendMinor"));
    }

    [Fact]
    public async Task Malformed_json_is_a_problem_naming_the_body_and_nothing_is_applied()
    {
        var program = await Programs.Create(client);
        var response = await client.PostAsync($"/v1/programs/{program}/events",
            new StringContent("""[{"type":"purchase","eventId":"m1","memberId":"frank", """, Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        await Problem.Assert(response, HttpStatusCode.BadRequest, "body");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/v1/programs/{program}/members/frank", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_an_array_is_refused()
    {
        var program = await Programs.Create(client);
        var response = await client.PostAsJsonAsync($"/v1/programs/{program}/events", Api.Purchase("x", "y", 1), TestContext.Current.CancellationToken);
        await Problem.Assert(response, HttpStatusCode.BadRequest, "body");
    }

    [Fact]
    public async Task A_batch_over_five_thousand_events_is_refused_whole()
    {
        var program = await Programs.Create(client);
        var events = new JsonArray([.. Enumerable.Range(0, 5_001).Select(i => (JsonNode)Api.Purchase($"big-{i}", $"m{i % 7}", 100))]);
        var response = await client.PostAsJsonAsync($"/v1/programs/{program}/events", events, TestContext.Current.CancellationToken);

        await Problem.Assert(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/v1/programs/{program}/members/m0", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Events_for_an_unknown_program_are_refused()
    {
        var response = await client.PostAsJsonAsync("/v1/programs/no-such-program/events", new JsonArray(Api.Purchase("x", "y", 1)), TestContext.Current.CancellationToken);
        await Problem.Assert(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_full_return_claws_back_exactly_what_the_purchase_earned()
    {
        var program = await Programs.Create(client);
        await client.PostEvents(program, Api.Purchase("buy", "gina", 10_099), Api.Return("ret", "gina", 10_099, "buy"));

        var member = await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/gina"), m => m?.Long("points.clawedBack") == 100);
        Assert.Equal(100, member.Long("points.clawedBack"));
        Assert.Equal(0, member.Long("points.available") + member.Long("points.pending"));
        Assert.Equal(0, member.Long("lifetimeSpendMinor"));
    }
}

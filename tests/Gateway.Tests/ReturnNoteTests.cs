using System.Text.Json.Nodes;

namespace Loyalty.Gateway.Tests;

/// <summary>
/// A return naming a purchase the member is not known to have made is accepted and reversed at the base rate; the
/// answer says so in a note, so the producer sees the mismatch.
/// </summary>
public sealed class ReturnNoteTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    [Fact]
    public async Task A_return_naming_an_unknown_purchase_is_accepted_with_a_note_and_reversed_at_the_base_rate()
    {
        var program = await Programs.Create(client);
        await client.PostEvents(program, Api.Purchase("buy", "ann", 10_000, "2026-03-01T10:00:00Z"));

        var result = (await client.PostEvents(program, Api.Return("ret", "ann", 5_000, "no-such-purchase")))["results"]![0]!;

        Assert.Equal("accepted", result["status"]!.GetValue<string>());
        var note = result["note"]!.GetValue<string>();
        Assert.Contains("no-such-purchase", note, StringComparison.Ordinal);
        Assert.Contains("base rate", note, StringComparison.Ordinal);
        var ann = await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/ann"), m => m?.Long("points.clawedBack") == 50);
        Assert.Equal(50, ann.Long("points.clawedBack"));
    }

    [Fact]
    public async Task A_return_naming_a_known_purchase_has_no_note()
    {
        var program = await Programs.Create(client);
        await client.PostEvents(program, Api.Purchase("earlier", "bob", 10_000));

        var answer = await client.PostEvents(program,
            Api.Purchase("same-batch", "bob", 2_000),
            Api.Return("r1", "bob", 1_000, "same-batch"),
            Api.Return("r2", "bob", 1_000, "earlier"),
            Api.Return("r3", "bob", 1_000));

        Assert.All(answer["results"]!.AsArray(), r => Assert.Null(r!["note"]));
        Assert.Equal(4, answer.Long("accepted"));
    }

    [Fact]
    public async Task A_purchase_later_in_the_batch_or_of_another_member_is_not_the_original()
    {
        var program = await Programs.Create(client);
        var answer = await client.PostEvents(program,
            Api.Return("early", "cy", 1_000, "later"),
            Api.Purchase("later", "cy", 2_000),
            Api.Purchase("dee-buys", "dee", 2_000),
            Api.Return("not-hers", "cy", 1_000, "dee-buys"));

        var results = answer["results"]!.AsArray();
        Assert.Equal([true, false, false, true], results.Select(r => r!["note"] is JsonValue));
        Assert.Equal(4, answer.Long("accepted"));
    }

    [Fact]
    public async Task A_resent_return_is_a_duplicate_without_a_note()
    {
        var program = await Programs.Create(client);
        await client.PostEvents(program, Api.Return("again", "eve", 1_000, "unknown"));

        var result = (await client.PostEvents(program, Api.Return("again", "eve", 1_000, "unknown")))["results"]![0]!;

        Assert.Equal("duplicate", result["status"]!.GetValue<string>());
        Assert.Null(result["note"]);
    }
}

using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using Loyalty.Grains.Interfaces.DeadLetters;
using Loyalty.Grains.Interfaces.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Gateway.Tests;

/// <summary>Operators list dead letters, replay them to their members once the cause is mended, or discard them.</summary>
public sealed class DeadLetterTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    private async Task Park(string program, params string[] eventIds)
    {
        var at = DateTimeOffset.Parse("2026-03-01T10:00:00Z");
        ImmutableArray<DeadLetter> letters = [.. eventIds.Select(id => new DeadLetter(
            new MemberEvent(MemberEventKind.Purchase, id, "dee", at, 10_000, "GBP", [], null, null), "a failure since mended", at, at, 1))];
        await gateway.Services.GetRequiredService<IClusterClient>().GetGrain<IDeadLetterGrain>(program).Park(letters);
    }

    private Task<HttpResponseMessage> Post(string program, string action, object body) =>
        client.PostAsJsonAsync($"/v1/programs/{program}/dead-letters/{action}", body, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Dead_letters_are_listed_replayed_to_their_member_and_discarded()
    {
        var program = await Programs.Create(client);
        await Park(program, "d1", "d2", "d3");

        var first = await client.GetRequiredJson($"/v1/programs/{program}/dead-letters?limit=2");
        Assert.Equal(3, first.Long("total"));
        Assert.Equal(["d1", "d2"], first["items"]!.AsArray().Select(i => i!["eventId"]!.GetValue<string>()));
        Assert.Equal("a failure since mended", first["items"]![0]!["reason"]!.GetValue<string>());
        var rest = await client.GetRequiredJson($"/v1/programs/{program}/dead-letters?limit=2&after={first["next"]}");
        Assert.Equal(["d3"], rest["items"]!.AsArray().Select(i => i!["eventId"]!.GetValue<string>()));

        var replayed = await (await Post(program, "replay", new { eventIds = new[] { "d1", "d2", "never" } })).Content.ReadFromJsonAsync<DeadLetterAction>(TestContext.Current.CancellationToken);
        Assert.Equal((2, "never"), (replayed!.Done, string.Join(",", replayed.NotHeld)));
        var member = await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/dee"), m => m?.Long("lifetimeSpendMinor") == 20_000);
        Assert.Equal(200, member.Long("points.lifetimeEarned"));

        var discarded = await (await Post(program, "discard", new { eventIds = new[] { "d3" } })).Content.ReadFromJsonAsync<DeadLetterAction>(TestContext.Current.CancellationToken);
        Assert.Equal(1, discarded!.Done);
        Assert.Equal(0, (await client.GetRequiredJson($"/v1/programs/{program}/dead-letters")).Long("total"));
        Assert.Equal(20_000, (await client.GetRequiredJson($"/v1/programs/{program}/members/dee")).Long("lifetimeSpendMinor"));
    }

    [Theory]
    [InlineData("""{}""", "eventIds")]
    [InlineData("""{"eventIds":[]}""", "eventIds")]
    [InlineData("""{"eventIds":[" "]}""", "eventIds")]
    [InlineData("""{"eventIds":"d1"}""", "eventIds")]
    public async Task A_bad_selection_is_refused_naming_the_field(string body, string field)
    {
        var program = await Programs.Create(client);
        var response = await client.PostAsync($"/v1/programs/{program}/dead-letters/replay",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        await Problem.Assert(response, HttpStatusCode.BadRequest, field);
        await Problem.Assert(await client.GetAsync($"/v1/programs/{program}/dead-letters?limit=0", TestContext.Current.CancellationToken), HttpStatusCode.BadRequest, "limit");
    }

    private sealed record DeadLetterAction(int Done, string[] NotHeld);
}

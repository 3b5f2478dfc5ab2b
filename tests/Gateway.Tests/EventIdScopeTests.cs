namespace Loyalty.Gateway.Tests;

/// <summary>An event id is unique within a program: reused for another member, it is a duplicate and changes nothing.</summary>
public sealed class EventIdScopeTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    [Fact]
    public async Task An_event_id_reused_for_another_member_is_a_duplicate()
    {
        var program = await Programs.Create(client);
        var first = await client.PostEvents(program, Api.Purchase("shared-1", "ann", 1_000));
        var again = await client.PostEvents(program, Api.Purchase("shared-1", "bob", 9_000));

        Assert.Equal(1, first["accepted"]!.GetValue<int>());
        Assert.Equal((0, 1), (again["accepted"]!.GetValue<int>(), again["duplicates"]!.GetValue<int>()));
        await LoyaltyHttp.Eventually(() => client.GetJson($"/v1/programs/{program}/members/ann"), m => m is not null);
        Assert.Null(await client.GetJson($"/v1/programs/{program}/members/bob"));
    }
}

namespace Loyalty.Gateway.Tests;

/// <summary>
/// An event id is unique within a member: the gateway's index remembers fingerprints of (member, event id) and only
/// the member holds the exact ids, so an id reused for another member is that member's new event.
/// </summary>
public sealed class EventIdScopeTests(GatewayFixture gateway)
{
    private readonly HttpClient client = gateway.CreateClient();

    [Fact]
    public async Task An_event_id_reused_for_another_member_is_that_members_event()
    {
        var program = await Programs.Create(client);
        var first = await client.PostEvents(program, Api.Purchase("shared-1", "ann", 1_000));
        var other = await client.PostEvents(program, Api.Purchase("shared-1", "bob", 9_000));
        var resent = await client.PostEvents(program, Api.Purchase("shared-1", "ann", 1_000));

        Assert.Equal(1, first["accepted"]!.GetValue<int>());
        Assert.Equal(1, other["accepted"]!.GetValue<int>());
        Assert.Equal((0, 1), (resent["accepted"]!.GetValue<int>(), resent["duplicates"]!.GetValue<int>()));
        var bob = await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/bob"), m => m is not null);
        Assert.Equal(9_000, bob.Long("lifetimeSpendMinor"));
        var ann = await Polling.Eventually(() => client.GetJson($"/v1/programs/{program}/members/ann"), m => m is not null);
        Assert.Equal(1_000, ann.Long("lifetimeSpendMinor"));
    }
}

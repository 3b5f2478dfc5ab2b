using Loyalty.Grains.Ingestion;
using Loyalty.Client.Ingestion;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Gateway.Tests;

/// <summary>
/// The duplicate index keeps 64-bit fingerprints, so two events may share one. A gateway whose every event shares
/// one fingerprint shows that a hit never loses a new event: its member, which holds the exact ids, applies it.
/// </summary>
public sealed class FingerprintCollisionTests(GatewayFixture gateway)
{
    [Fact]
    public async Task New_events_whose_fingerprint_is_known_are_still_applied_and_resends_still_change_nothing()
    {
        // A cluster of its own, so its silo never meets the shared gateway's.
        await using var colliding = gateway.WithWebHostBuilder(builder => builder
            .UseSetting("Loyalty:ClusterId", "colliding")
            .UseSetting("Loyalty:ServiceId", "colliding")
            .ConfigureTestServices(services => services.AddSingleton(new EventIdHasher((_, _) => 42))));
        var client = colliding.CreateClient();
        var program = await Programs.Create(client);

        Assert.Equal(1, (await client.PostEvents(program, Api.Purchase("c1", "cat", 1_000))).Long("accepted"));
        await client.PostEvents(program, Api.Purchase("c2", "cat", 2_000));
        await client.PostEvents(program, Api.Purchase("d1", "dog", 4_000));
        var resent = await client.PostEvents(program, Api.Purchase("c1", "cat", 1_000));

        Assert.Equal(1, resent.Long("duplicates"));
        var cat = await Polling.Eventually(
            () => client.GetJson($"/v1/programs/{program}/members/cat"), m => m?.Long("lifetimeSpendMinor") == 3_000);
        var dog = await Polling.Eventually(
            () => client.GetJson($"/v1/programs/{program}/members/dog"), m => m?.Long("lifetimeSpendMinor") == 4_000);
        Assert.Equal(3_000, cat.Long("lifetimeSpendMinor"));
        Assert.Equal(4_000, dog.Long("lifetimeSpendMinor"));

        // The resend was published again too: once its member has taken everything, the spend is still the sum of the new events.
        await client.PostEvents(program, Api.Purchase("c3", "cat", 10));
        cat = await Polling.Eventually(
            () => client.GetJson($"/v1/programs/{program}/members/cat"), m => m?.Long("lifetimeSpendMinor") == 3_010);
        Assert.Equal(3_010, cat.Long("lifetimeSpendMinor"));
    }
}

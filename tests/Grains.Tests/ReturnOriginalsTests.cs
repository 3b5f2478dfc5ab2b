using Loyalty.Grains.Ingestion;
using Loyalty.Client.Ingestion;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Members;

namespace Loyalty.Grains.Tests;

/// <summary>The read-only questions the gateway asks to tell a producer that a return's original purchase is unknown.</summary>
public sealed class ReturnOriginalsTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_member_names_the_ids_that_are_not_its_purchases()
    {
        var scenario = await new Scenario(fixture.Client).Configure();
        await scenario.Publish(
            Scenario.Purchase("bought", "ada", 5_000, "2025-06-01T10:00:00+02:00"),
            Scenario.Return("refund", "ada", 1_000, "2025-06-02T10:00:00+02:00", "bought"));
        var ada = fixture.Client.GetGrain<IMemberGrain>(GrainKeys.Member(scenario.ProgramId, "ada"));
        await Polling.Eventually(() => ada.GetSnapshot(), s => s is not null);

        Assert.Equal(["refund", "never"], await ada.UnknownPurchases(["bought", "refund", "never"]));
    }

    [Fact]
    public async Task Asking_about_a_member_never_seen_does_not_create_it()
    {
        var scenario = await new Scenario(fixture.Client).Configure();
        var nobody = fixture.Client.GetGrain<IMemberGrain>(GrainKeys.Member(scenario.ProgramId, "nobody"));

        Assert.Equal(["x"], await nobody.UnknownPurchases(["x"]));
        Assert.Null(await nobody.GetSnapshot());
    }
}

using Loyalty.Client.Ingestion;

namespace Loyalty.Cluster.Tests;

/// <summary>What every shared event-id index must do for two gateways, whatever it is stored in.</summary>
public static class EventIdIndexClaims
{
    public const ulong A = 0x0123_4567_89AB_CDEF;
    public const ulong B = 0xFEDC_BA98_7654_3210;

    /// <summary>Claims are shared, a claim is its attempt's alone until released, and an event is a duplicate only once stored.</summary>
    public static async Task AssertShared(IEventIdIndex gatewayOne, IEventIdIndex gatewayTwo)
    {
        Assert.Equal([EventIdClaim.Fresh, EventIdClaim.Fresh], await gatewayOne.Claim("p", [A, B], "attempt-1"));
        Assert.Equal([EventIdClaim.Fresh], await gatewayOne.Claim("p", [A], "attempt-1")); // its own claim, asked again
        Assert.Equal([EventIdClaim.InDoubt, EventIdClaim.InDoubt], await gatewayTwo.Claim("p", [A, B], "attempt-2"));

        await gatewayOne.Confirm("p", [A]);
        await gatewayTwo.Release("p", [B], "attempt-2"); // not its claim: nothing happens
        Assert.Equal([EventIdClaim.Stored, EventIdClaim.InDoubt], await gatewayTwo.Claim("p", [A, B], "attempt-3"));
        Assert.Equal(new[] { true, false }, await gatewayTwo.AreStored("p", [A, B]));

        await gatewayOne.Release("p", [B], "attempt-1");
        Assert.Equal([EventIdClaim.Stored, EventIdClaim.Fresh], await gatewayTwo.Claim("p", [A, B], "attempt-4"));
        Assert.Equal([EventIdClaim.Fresh], await gatewayTwo.Claim("other-program", [A], "attempt-5"));
    }
}

namespace Loyalty.Cluster.Tests;

/// <summary>The durable profiles' due times against a real redis-server and Azurite.</summary>
public sealed class DueWorkStoreTests
{
    [Theory]
    [MemberData(nameof(StoreServer.Profiles), MemberType = typeof(StoreServer))]
    public async Task Due_members_are_taken_in_due_order_leased_once_and_forgotten_when_nothing_is_due(string profile)
    {
        await using var server = await StoreServer.Start(profile);
        var siloOne = server.DueWorkStore();
        var siloTwo = server.DueWorkStore();
        var now = DateTimeOffset.Parse("2026-12-02T12:00:00Z");
        await siloOne.Set("p", 3, "late", now.AddMinutes(5));
        await siloOne.Set("p", 3, "b", now.AddSeconds(-1));
        await siloOne.Set("p", 3, "a", now.AddSeconds(-2));
        await siloOne.Set("p", 4, "other-slice", now.AddSeconds(-3));

        Assert.Equal(["a"], await siloOne.TakeDue("p", 3, now, 1, TimeSpan.FromMinutes(1)));
        Assert.Equal(["b"], await siloTwo.TakeDue("p", 3, now, 10, TimeSpan.FromMinutes(1))); // "a" is leased
        Assert.Empty(await siloTwo.TakeDue("p", 3, now, 10, TimeSpan.FromMinutes(1)));
        Assert.Equal(now.AddMinutes(1), await siloOne.Get("p", 3, "a"));

        // A lease that runs out brings the member back; a member with nothing due is forgotten.
        Assert.Equal(["a", "b"], await siloOne.TakeDue("p", 3, now.AddMinutes(1), 10, TimeSpan.FromMinutes(1)));
        await siloOne.Set("p", 3, "a", null);
        Assert.Null(await siloTwo.Get("p", 3, "a"));
        Assert.Equal(["b", "late"], await siloOne.TakeDue("p", 3, now.AddMinutes(10), 10, TimeSpan.FromMinutes(1)));
        Assert.Equal(["other-slice"], await siloOne.TakeDue("p", 4, now, 10, TimeSpan.FromMinutes(1)));
    }
}

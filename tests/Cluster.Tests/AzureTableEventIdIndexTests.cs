using Loyalty.Client.Azure;
using Loyalty.Client.Ingestion;
using Loyalty.ClusterScript;

namespace Loyalty.Cluster.Tests;

/// <summary>The Azure Storage profile's event-id index against Azurite.</summary>
public sealed class AzureTableEventIdIndexTests
{
    private const ulong A = EventIdIndexClaims.A;
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    [Fact]
    public async Task Claims_are_shared_through_Azure_Tables_and_an_event_is_a_duplicate_only_once_stored()
    {
        await using var azurite = await ThrowawayAzurite.Start();
        var clock = new SettableClock(DateTimeOffset.UtcNow);

        await EventIdIndexClaims.AssertShared(Index(azurite, clock), Index(azurite, clock));
    }

    [Fact]
    public async Task A_stored_id_is_a_duplicate_for_at_least_the_window_and_its_table_goes_two_windows_later()
    {
        await using var azurite = await ThrowawayAzurite.Start();
        var confirmed = new DateTimeOffset(2026, 12, 7, 10, 59, 0, TimeSpan.Zero); // a minute before its bucket ends
        var clock = new SettableClock(confirmed);
        var index = Index(azurite, clock);
        await index.Claim("p", [A], "attempt-1");
        await index.Confirm("p", [A]);

        clock.Now = confirmed + Window - TimeSpan.FromSeconds(1); // the next bucket, within the window
        Assert.Equal([EventIdClaim.Stored], await index.Claim("p", [A], "attempt-2"));
        Assert.Equal(new[] { true }, await index.AreStored("p", [A]));

        clock.Now = confirmed + 3 * Window; // a new index: the one above answered from the tables it had opened
        var later = Index(azurite, clock);
        Assert.Equal(new[] { false }, await later.AreStored("p", [A]));
        Assert.Equal([EventIdClaim.Fresh], await later.Claim("p", [A], "attempt-3"));
        var tables = await Polling.Eventually(() => TableNames(azurite), names => names.Count == 1); // deleted in the background
        Assert.Equal([$"tseen{(confirmed + 3 * Window).ToUnixTimeMilliseconds() / (long)Window.TotalMilliseconds}"], tables);
    }

    [Fact]
    public async Task A_claim_left_by_a_gateway_that_died_is_taken_over_once_it_has_lapsed()
    {
        await using var azurite = await ThrowawayAzurite.Start();
        var clock = new SettableClock(DateTimeOffset.UtcNow);
        var died = Index(azurite, clock);
        var survivor = Index(azurite, clock);
        await died.Claim("p", [A], "attempt-of-the-dead");

        Assert.Equal([EventIdClaim.InDoubt], await survivor.Claim("p", [A], "attempt-1"));
        clock.Now += AzureTableEventIdIndex.PendingFor + TimeSpan.FromSeconds(1);
        Assert.Equal([EventIdClaim.Fresh], await survivor.Claim("p", [A], "attempt-2"));
        Assert.Equal([EventIdClaim.InDoubt], await died.Claim("p", [A], "attempt-of-the-dead")); // its claim is gone
    }

    private static AzureTableEventIdIndex Index(ThrowawayAzurite azurite, TimeProvider clock) =>
        new(new LoyaltyAzureStorage(new AzureStorageOptions { ConnectionString = azurite.ConnectionString }), "t", Window, clock);

    private static async Task<List<string>> TableNames(ThrowawayAzurite azurite)
    {
        var names = new List<string>();
        await foreach (var table in new LoyaltyAzureStorage(new AzureStorageOptions { ConnectionString = azurite.ConnectionString }).Tables.QueryAsync())
        {
            names.Add(table.Name);
        }

        return names;
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
